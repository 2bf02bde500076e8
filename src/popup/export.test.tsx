// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { POLICY } from '../core/policy/disclosures';
import type { AuditReport } from '../core/report';
import { App } from './components/app';
import { reportFile, reportFilename } from './export';
import { startPopup, type PopupState } from './state';
import { ALL_FINDINGS, FakeSource, pageWith, SECTION_TITLES } from './test-support';

const NOW = Date.UTC(2026, 2, 1, 9, 5, 7);

describe('reportFilename', () => {
  it('names the site and the time, with the format’s extension', () => {
    expect(reportFilename('https://www.smartergo.com/products/chair', NOW, 'json')).toBe('policylens-www.smartergo.com-20260301-090507.json');
    expect(reportFilename('https://shop.smartergo.com/', NOW, 'markdown')).toBe('policylens-shop.smartergo.com-20260301-090507.md');
    expect(reportFilename('not a url', NOW, 'html')).toBe('policylens-page-20260301-090507.html');
  });
});

describe('reportFile', () => {
  const source = new FakeSource();
  const page = pageWith(ALL_FINDINGS);

  it('is the core report of the tab’s page: every finding, the same verdicts', () => {
    const file = reportFile(page, 'json', { t: source.t, now: NOW, policy: POLICY });
    expect(file.mediaType).toBe('application/json');
    const report = JSON.parse(file.text) as AuditReport;
    expect(report.generatedAt).toBe(new Date(NOW).toISOString());
    expect(report.policyCheck).toBeNull();
    const findings = report.pages[0]?.findings ?? [];
    expect(findings.map((f) => f.id).sort()).toEqual(ALL_FINDINGS.map((f) => f.id).sort());
    for (const f of ALL_FINDINGS) expect(findings.find((r) => r.id === f.id)?.verdict).toBe(f.match.verdict);
    expect(findings[0]?.verdict).toBe('contradicts');
    expect(source.missing).toEqual(new Set());
  });

  it('writes Markdown and HTML too', () => {
    expect(reportFile(page, 'markdown', { t: source.t, now: NOW, policy: POLICY }).text).toMatch(/^# PolicyLens audit report\n/);
    expect(reportFile(page, 'html', { t: source.t, now: NOW, policy: POLICY }).text).toMatch(/^<!doctype html>/);
    expect(source.missing).toEqual(new Set());
  });
});

describe('the export buttons in the popup', () => {
  let mounted: { container: HTMLElement; state: PopupState } | undefined;

  afterEach(() => {
    vi.restoreAllMocks();
    if (!mounted) return;
    mounted.state.stop();
    render(null, mounted.container);
    mounted.container.remove();
    mounted = undefined;
  });

  it('are labelled buttons, one per format, and save the report as a download', async () => {
    const source = new FakeSource(async () => ({ smartErgo: true, page: pageWith(ALL_FINDINGS) }));
    const container = document.createElement('div');
    document.body.append(container);
    const state = startPopup(source);
    await act(async () => {
      render(<App state={state} t={source.t} sectionTitles={SECTION_TITLES} />, container);
      await state.ready;
    });
    mounted = { container, state };

    const group = container.querySelector('[data-testid="export"]');
    expect(group?.getAttribute('role')).toBe('group');
    expect(container.querySelector(`#${group?.getAttribute('aria-labelledby')}`)?.textContent).toBe("Save this page's report:");
    const buttons = [...container.querySelectorAll<HTMLButtonElement>('[data-testid="export"] button')];
    expect(buttons.map((b) => [b.type, b.textContent, b.dataset['format']])).toEqual([
      ['button', 'JSON', 'json'],
      ['button', 'Markdown', 'markdown'],
      ['button', 'Web page', 'html'],
    ]);

    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:policylens-test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });

    await act(async () => {
      buttons[0]?.click();
    });
    // The report code loads on the first click (a dynamic import), then the download starts.
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]?.download).toMatch(/^policylens-www\.smartergo\.com-\d{8}-\d{6}\.json$/);
    expect(clicked[0]?.href).toBe('blob:policylens-test');
    const report = JSON.parse(await (blobs[0] as Blob).text()) as AuditReport;
    expect(report.pages[0]?.findings).toHaveLength(ALL_FINDINGS.length);
    // The link is gone once the download started.
    expect(container.ownerDocument.querySelector('a[download]')).toBeNull();
    expect(source.missing).toEqual(new Set());
  });
});
