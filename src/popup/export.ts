/**
 * The popup's report export: the current tab's page as a report file, built by the same
 * core builder as the headless audit (src/core/report), so both say the same thing
 * about the same findings. Pure except `downloadFile`, which needs a document.
 */
import { version } from '../../package.json';
import type { PageRecord } from '../core/model';
import type { PolicyModel } from '../core/policy/disclosures';
import { buildReport, renderReport, REPORT_EXTENSIONS, REPORT_MEDIA_TYPES, type ReportFormat } from '../core/report';
import type { Translate } from '../shared/i18n';
import { hostOf } from './present';

export interface ReportFile {
  filename: string;
  mediaType: string;
  text: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "policylens-www.smartergo.com-20260301-090000.json" (UTC): sorts by time, names the site. */
export function reportFilename(pageUrl: string, now: number, format: ReportFormat): string {
  const d = new Date(now);
  const stamp = `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}-${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
  const host = hostOf(pageUrl).replace(/[^a-z0-9.-]/gi, '') || 'page';
  return `policylens-${host}-${stamp}.${REPORT_EXTENSIONS[format]}`;
}

export function reportFile(page: PageRecord, format: ReportFormat, deps: { t: Translate; now: number; policy: PolicyModel }): ReportFile {
  const report = buildReport({
    toolVersion: version,
    generatedAt: deps.now,
    pages: [{ url: page.url, record: page }],
    policy: deps.policy,
    t: deps.t,
  });
  return {
    filename: reportFilename(page.url, deps.now, format),
    mediaType: REPORT_MEDIA_TYPES[format],
    text: renderReport(report, format, deps.t),
  };
}

/** Saves a file the way a web page does (a Blob and an <a download>): no permission needed. */
export function downloadFile(file: ReportFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mediaType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the data once it started.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
