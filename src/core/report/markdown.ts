/**
 * The report as Markdown for people: per policy section what the site does and
 * whether the policy covers it, contradictions first; then the pages, the published
 * policy's changes and the notes on its text. Every value from a page (cookie names,
 * URLs, hosts) is escaped, so nothing a site chooses becomes markup.
 */
import { VERDICTS } from '../model';
import type { Translate } from '../../shared/i18n';
import type { AuditReport } from './types';
import { changeLabel, findingLabel, generatedLine, groupReport, kindLabel, personalDataLabel, verdictLabel } from './view';

/** Text safe in Markdown (CommonMark and GitHub's): markup characters escaped, HTML neutralised, one line. */
export function md(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/^(\s*)([#+=>-]|\d+[.)])/, '$1\\$2');
}

const quote = (text: string): string => `> ${md(text)}`;

export function renderMarkdown(report: AuditReport, t: Translate): string {
  const out: string[] = [];
  const line = (text = ''): void => {
    out.push(text);
  };
  const counts = report.summary.counts;

  line(`# ${md(t('report_title'))}`);
  line();
  line(md(generatedLine(report, t)));
  line();

  // --- Summary
  line(`## ${md(t('report_summary'))}`);
  line();
  line(`| ${md(t('report_col_pages'))} | ${VERDICTS.map((v) => md(verdictLabel(t, v))).join(' | ')} | ${md(t('report_col_total'))} |`);
  line(`|---:|${VERDICTS.map(() => '---:').join('|')}|---:|`);
  line(`| ${report.summary.pages} | ${VERDICTS.map((v) => String(counts[v])).join(' | ')} | ${counts.total} |`);
  line();
  if (report.summary.bySection.length > 0) {
    line(`| ${md(t('report_col_section'))} | ${VERDICTS.map((v) => md(verdictLabel(t, v))).join(' | ')} |`);
    line(`|---|${VERDICTS.map(() => '---:').join('|')}|`);
    for (const row of report.summary.bySection) {
      line(`| ${md(row.title)} | ${VERDICTS.map((v) => String(row[v])).join(' | ')} |`);
    }
    line();
  }

  // --- By policy section
  line(`## ${md(t('report_by_section'))}`);
  line();
  const groups = groupReport(report, t);
  if (groups.length === 0) {
    line(md(t('report_nothing_found')));
    line();
  }
  for (const group of groups) {
    line(`### ${md(group.title)}: ${md(verdictLabel(t, group.verdict))}`);
    line();
    for (const q of group.quotes) {
      line(quote(q));
      line();
    }
    for (const { finding, pageUrl } of group.findings) {
      const details = [md(kindLabel(t, finding)), `\`${finding.host.replace(/`/g, '')}\``];
      if (finding.personalData.length > 0) details.push(md(`${t('detail_personal_data')}: ${personalDataLabel(t, finding)}`));
      line(`- **${md(verdictLabel(t, finding.verdict))}**: ${md(findingLabel(finding))} (${details.join(', ')})`);
      line(`  ${md(t('report_on_page', [pageUrl]))}. ${md(finding.reason.text)}`);
    }
    line();
  }

  // --- Pages
  line(`## ${md(t('report_pages'))}`);
  line();
  line(`| ${md(t('report_col_page'))} | ${VERDICTS.map((v) => md(verdictLabel(t, v))).join(' | ')} | ${md(t('report_col_total'))} |`);
  line(`|---|${VERDICTS.map(() => '---:').join('|')}|---:|`);
  for (const page of report.pages) {
    const cells = page.error === null ? VERDICTS.map((v) => String(page.counts[v])) : VERDICTS.map(() => '–');
    line(`| ${md(page.url)} | ${cells.join(' | ')} | ${page.error === null ? page.counts.total : '–'} |`);
  }
  line();
  for (const page of report.pages.filter((p) => p.error !== null)) {
    line(`- ${md(t('report_page_error', [page.url, page.error ?? '']))}`);
  }
  if (report.pages.some((p) => p.error !== null)) line();

  // --- The published policy
  const check = report.policyCheck;
  if (check) {
    line(`## ${md(t('report_policy_check'))}`);
    line();
    if (check.error !== null) {
      line(md(t('report_policy_error', [check.url, check.error])));
      line();
    } else if (check.changes.length === 0) {
      line(md(t('report_policy_unchanged', [check.url])));
      line();
    } else {
      line(md(t('report_policy_changed', [check.url])));
      line();
      for (const change of check.changes) {
        line(`### ${md(change.title)}: ${md(changeLabel(t, change.change))}`);
        line();
        if (change.change === 'changed') {
          for (const s of change.removedSentences) line(`- ${md(t('report_sentence_removed'))}: ${md(s)}`);
          for (const s of change.addedSentences) line(`- ${md(t('report_sentence_added'))}: ${md(s)}`);
        } else {
          line(quote((change.change === 'added' ? change.actual : change.expected) ?? ''));
        }
        line();
      }
    }
    if (check.missingQuotes.length > 0) {
      line(`### ${md(t('report_missing_quotes'))}`);
      line();
      for (const q of check.missingQuotes) line(`- ${md(q.quote)}`);
      line();
    }
  }

  // --- Notes on the policy text
  if (report.policyNotes.length > 0) {
    line(`## ${md(t('report_policy_notes'))}`);
    line();
    for (const note of report.policyNotes) {
      line(`### ${md(note.sectionTitle)}`);
      line();
      line(quote(note.quote));
      line();
      line(md(note.text));
      line();
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
