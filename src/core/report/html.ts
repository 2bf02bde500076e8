/**
 * The report as one self-contained HTML page (inline CSS, no script, no external
 * resource), in the same order as the Markdown one. Every value is HTML-escaped:
 * a cookie name or URL cannot inject markup.
 */
import { VERDICTS, type Verdict } from '../model';
import { languageTag, type Translate } from '../../shared/i18n';
import type { AuditReport } from './types';
import { changeLabel, findingLabel, generatedLine, groupReport, kindLabel, personalDataLabel, verdictLabel } from './view';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const e = escapeHtml;

const CSS = `
:root { color-scheme: light dark; --fg: #1b1b1f; --muted: #5c5f66; --bg: #fff; --line: #d9dbe0;
  --contradicts: #b3261e; --not-covered: #8a5a00; --disclosed: #1e6b35; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6ea; --muted: #a8abb3; --bg: #17181b; --line: #34363c;
  --contradicts: #ff8a80; --not-covered: #f5c56b; --disclosed: #7fd69a; } }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); } h3 { font-size: 1.05rem; }
.muted { color: var(--muted); }
table { border-collapse: collapse; margin: .5rem 0 1rem; } th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
blockquote { margin: .5rem 0; padding: .25rem .75rem; border-left: 3px solid var(--line); color: var(--muted); }
.verdict { font-weight: 600; white-space: nowrap; }
.verdict--contradicts { color: var(--contradicts); } .verdict--not-covered { color: var(--not-covered); } .verdict--disclosed { color: var(--disclosed); }
.group { border-left: 4px solid var(--line); padding-left: .75rem; margin: 1rem 0; }
.group--contradicts { border-color: var(--contradicts); } .group--not-covered { border-color: var(--not-covered); } .group--disclosed { border-color: var(--disclosed); }
ul.findings { padding-left: 1.2rem; } ul.findings li { margin: .4rem 0; }
code { font-size: .9em; overflow-wrap: anywhere; }
`;

const verdictSpan = (t: Translate, verdict: Verdict): string =>
  `<span class="verdict verdict--${verdict}">${e(verdictLabel(t, verdict))}</span>`;

export function renderHtml(report: AuditReport, t: Translate): string {
  const out: string[] = [];
  const add = (html: string): void => {
    out.push(html);
  };
  const counts = report.summary.counts;
  const verdictHeads = VERDICTS.map((v) => `<th scope="col">${verdictSpan(t, v)}</th>`).join('');

  add('<!doctype html>');
  add(`<html lang="${e(languageTag(t('@@ui_locale')))}">`);
  add('<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">');
  add(`<title>${e(t('report_title'))}</title><style>${CSS}</style></head>`);
  add('<body>');
  add(`<h1>${e(t('report_title'))}</h1>`);
  add(`<p class="muted">${e(generatedLine(report, t))}</p>`);

  add(`<h2>${e(t('report_summary'))}</h2>`);
  add(`<table><thead><tr><th scope="col">${e(t('report_col_pages'))}</th>${verdictHeads}<th scope="col">${e(t('report_col_total'))}</th></tr></thead>`);
  add(
    `<tbody><tr><td class="n">${report.summary.pages}</td>${VERDICTS.map((v) => `<td class="n">${counts[v]}</td>`).join('')}<td class="n">${counts.total}</td></tr></tbody></table>`,
  );
  if (report.summary.bySection.length > 0) {
    add(`<table><thead><tr><th scope="col">${e(t('report_col_section'))}</th>${verdictHeads}</tr></thead><tbody>`);
    for (const row of report.summary.bySection) {
      add(`<tr><th scope="row">${e(row.title)}</th>${VERDICTS.map((v) => `<td class="n">${row[v]}</td>`).join('')}</tr>`);
    }
    add('</tbody></table>');
  }

  add(`<h2>${e(t('report_by_section'))}</h2>`);
  const groups = groupReport(report, t);
  if (groups.length === 0) add(`<p>${e(t('report_nothing_found'))}</p>`);
  for (const group of groups) {
    add(`<section class="group group--${group.verdict}">`);
    add(`<h3>${e(group.title)}: ${verdictSpan(t, group.verdict)}</h3>`);
    for (const q of group.quotes) add(`<blockquote>${e(q)}</blockquote>`);
    add('<ul class="findings">');
    for (const { finding, pageUrl } of group.findings) {
      const data = finding.personalData.length > 0 ? `, ${e(t('detail_personal_data'))}: ${e(personalDataLabel(t, finding))}` : '';
      add(
        `<li data-verdict="${finding.verdict}">${verdictSpan(t, finding.verdict)} <strong>${e(findingLabel(finding))}</strong> ` +
          `(${e(kindLabel(t, finding))}, <code>${e(finding.host)}</code>${data})<br>` +
          `<span class="muted">${e(t('report_on_page', [pageUrl]))}.</span> ${e(finding.reason.text)}</li>`,
      );
    }
    add('</ul></section>');
  }

  add(`<h2>${e(t('report_pages'))}</h2>`);
  add(`<table><thead><tr><th scope="col">${e(t('report_col_page'))}</th>${verdictHeads}<th scope="col">${e(t('report_col_total'))}</th></tr></thead><tbody>`);
  for (const page of report.pages) {
    if (page.error !== null) {
      add(`<tr><th scope="row"><code>${e(page.url)}</code></th><td colspan="${VERDICTS.length + 1}">${e(t('report_page_error', [page.url, page.error]))}</td></tr>`);
    } else {
      add(
        `<tr><th scope="row"><code>${e(page.url)}</code></th>${VERDICTS.map((v) => `<td class="n">${page.counts[v]}</td>`).join('')}<td class="n">${page.counts.total}</td></tr>`,
      );
    }
  }
  add('</tbody></table>');

  const check = report.policyCheck;
  if (check) {
    add(`<h2>${e(t('report_policy_check'))}</h2>`);
    if (check.error !== null) add(`<p>${e(t('report_policy_error', [check.url, check.error]))}</p>`);
    else if (check.changes.length === 0) add(`<p>${e(t('report_policy_unchanged', [check.url]))}</p>`);
    else {
      add(`<p>${e(t('report_policy_changed', [check.url]))}</p>`);
      for (const change of check.changes) {
        add(`<section class="change" data-change="${change.change}"><h3>${e(change.title)}: ${e(changeLabel(t, change.change))}</h3>`);
        if (change.change === 'changed') {
          add('<ul>');
          for (const s of change.removedSentences) add(`<li><del>${e(t('report_sentence_removed'))}: ${e(s)}</del></li>`);
          for (const s of change.addedSentences) add(`<li><ins>${e(t('report_sentence_added'))}: ${e(s)}</ins></li>`);
          add('</ul>');
        } else {
          add(`<blockquote>${e((change.change === 'added' ? change.actual : change.expected) ?? '')}</blockquote>`);
        }
        add('</section>');
      }
    }
    if (check.missingQuotes.length > 0) {
      add(`<h3>${e(t('report_missing_quotes'))}</h3><ul>`);
      for (const q of check.missingQuotes) add(`<li>${e(q.quote)}</li>`);
      add('</ul>');
    }
  }

  if (report.policyNotes.length > 0) {
    add(`<h2>${e(t('report_policy_notes'))}</h2>`);
    for (const note of report.policyNotes) {
      add(`<section class="note" data-code="${e(note.code)}"><h3>${e(note.sectionTitle)}</h3>`);
      add(`<blockquote>${e(note.quote)}</blockquote><p>${e(note.text)}</p></section>`);
    }
  }
  add('</body></html>');
  return `${out.join('\n')}\n`;
}
