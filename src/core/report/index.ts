/** The audit report: built from page records, written as JSON, Markdown or HTML. Pure. */
import type { Translate } from '../../shared/i18n';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';
import type { AuditReport, ReportFormat } from './types';

export * from './types';
export { buildReport, FAIL_ON_LEVELS, reachesFailLevel, type FailOn, type PolicyCheckInput, type ReportInput, type ReportPageInput } from './build';
export { renderHtml } from './html';
export { renderMarkdown } from './markdown';

/** The report as text in a format; JSON is indented and ends with a newline, so files diff line by line. */
export function renderReport(report: AuditReport, format: ReportFormat, t: Translate): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'markdown':
      return renderMarkdown(report, t);
    case 'html':
      return renderHtml(report, t);
  }
}

export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json',
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
};

export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = { json: 'json', markdown: 'md', html: 'html' };
