/**
 * The audit command end to end: `node bin/policylens.mjs audit ...` as a child process,
 * the way CI runs it, against a demo site this test starts, its hosts mapped with
 * --resolve. The findings come from the built extension in headless Chromium.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, visit } from '../../src/audit/chromium';
import { englishTranslator, toolVersion } from '../../src/audit/audit';
import { POLICY } from '../../src/core/policy/disclosures';
import { buildReport, type AuditReport } from '../../src/core/report';
import { DEMO_HOSTS, DEMO_PAGES, startDemoSite, type DemoSite } from '../fixtures/server';
import { missing } from './expectations';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'bin/policylens.mjs');
const CLI_TIMEOUT = 240_000;

let site: DemoSite;
let dir: string;

beforeAll(async () => {
  site = await startDemoSite();
  dir = await mkdtemp(join(tmpdir(), 'policylens-audit-test-'));
});

afterAll(async () => {
  await site?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; the built extension is the one under test (`npm test` builds it), so --no-build. */
function audit(args: readonly string[], port = site.port, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const resolveArgs = DEMO_HOSTS.flatMap((host) => ['--resolve', `${host}:127.0.0.1:${port}`]);
  return new Promise((done) => {
    execFile(
      process.execPath,
      [CLI, 'audit', ...resolveArgs, '--insecure', '--no-build', ...args],
      { cwd: ROOT, timeout: CLI_TIMEOUT, maxBuffer: 32 * 1024 * 1024, env },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

const schema = JSON.parse(await readFile(join(ROOT, 'schema/report.v2.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(schema);

describe('npm run audit against the demo site', () => {
  let run: Run;
  let report: AuditReport;

  beforeAll(async () => {
    const out = join(dir, 'demo.json');
    run = await audit([...DEMO_PAGES.map((p) => p.url), '--format', 'json', '--out', out, '--fail-on', 'contradicts']);
    report = JSON.parse(await readFile(out, 'utf8')) as AuditReport;
  }, CLI_TIMEOUT);

  it('exits 1 with --fail-on contradicts, and says why on stderr', () => {
    expect(run.stderr).toContain('failing: findings reach --fail-on contradicts.');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  });

  it('writes a report that validates against schema/report.v2.schema.json', () => {
    validate(report);
    expect(validate.errors ?? []).toEqual([]);
    expect(report.summary.pages).toBe(DEMO_PAGES.length);
    expect(report.summary.pagesWithErrors).toBe(0);
  });

  it('lists the contradiction page’s leak with verdict contradicts, the quote and the reason', () => {
    const page = report.pages.find((p) => p.url.startsWith('https://www.smartergo.com/newsletter/thanks'));
    expect(page?.url).toBe('https://www.smartergo.com/newsletter/thanks?email=[email]');
    const leak = page?.findings.find((f) => f.verdict === 'contradicts');
    expect(leak).toMatchObject({
      kind: 'beacon',
      host: 'www.facebook.com',
      organisation: 'Meta',
      personalData: ['email'],
      section: { id: 'information-sharing-and-disclosure' },
    });
    expect(leak?.citations.map((c) => c.quote)).toContain(
      'Unless you opt-in, SmartErgo will not transfer your personal information to third parties',
    );
    expect(leak?.reason.text).toMatch(/^Personal information about you is sent to Meta\./);
    expect(JSON.stringify(report)).not.toContain('jane.doe');
  });

  it('has zero findings for the control pages', () => {
    for (const control of DEMO_PAGES.filter((p) => p.control)) {
      const page = report.pages.find((p) => p.url === control.url);
      expect(page, control.url).toBeDefined();
      expect(page?.error).toBeNull();
      expect(page?.findings).toEqual([]);
    }
  });

  it('finds what each tracking page must produce (the extension’s own findings)', () => {
    const home = report.pages.find((p) => p.url === 'https://www.smartergo.com/');
    const names = home?.findings.map((f) => f.cookie?.name ?? `${f.kind}:${f.requestKind}:${f.host}`);
    expect(names).toEqual(
      expect.arrayContaining(['SESSIONID', '_ga', 'beacon:sendbeacon:www.google-analytics.com', 'beacon:pixel:www.facebook.com']),
    );
  });

  it('reads the published policy: unchanged, with the notes QA must see', () => {
    expect(report.policyCheck).toMatchObject({ url: 'https://www.smartergo.com/privacy', error: null, changes: [], missingQuotes: [] });
    const notes = Object.fromEntries(report.policyNotes.map((n) => [n.code, n.quote]));
    expect(notes['optOutNoPostalAddress']).toBe('a written request to the address provided below');
    expect(notes['reviewNoChannel']).toBe('simply contact us');
    expect(notes['safeHarbor']).toMatch(/Safe Harbor Privacy Principles/);
  });
});

describe('npm run audit, exit codes', () => {
  it('exits 0 against a control-only page, and writes HTML to stdout', async () => {
    const run = await audit(['https://www.smartergo.com/about', '--format', 'html']);
    expect(run.stderr).toMatch(/1 pages, 0 findings/);
    expect(run.code).toBe(0);
    expect(run.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(run.stdout).toContain('https://www.smartergo.com/about');
  }, CLI_TIMEOUT);

  it('exits 2 with a clear message when a page cannot be loaded', async () => {
    // A port nothing listens on: the connection is refused.
    const closedPort = await new Promise<number>((done) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => done(port));
      });
    });
    const run = await audit(['https://www.smartergo.com/about', '--timeout', '15000'], closedPort);
    expect(run.stderr).toMatch(/policylens: https:\/\/www\.smartergo\.com\/about: could not load the page: .*ERR_CONNECTION_REFUSED/);
    expect(run.code).toBe(2);
  }, CLI_TIMEOUT);

  it('exits 2 with a clear message when the browser is missing', async () => {
    const run = await audit(['https://www.smartergo.com/about'], site.port, { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.stderr).toMatch(/policylens: No Chromium at \/nonexistent\/chromium: run `bash scripts\/setup\.sh`/);
    expect(run.code).toBe(2);
  }, CLI_TIMEOUT);

  it('exits 2 with the reason for a usage error, before starting a browser', async () => {
    const run = await audit(['https://example.com/']);
    expect(run.stderr).toMatch(/not a SmartErgo page/);
    expect(run.code).toBe(2);
  }, CLI_TIMEOUT);
});

describe('npm run audit, crawling and diffing', () => {
  it('follows same-site links up to --max-pages', async () => {
    const out = join(dir, 'crawl.json');
    const run = await audit(['https://www.smartergo.com/about', '--max-pages', '4', '--out', out]);
    expect(run.code).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as AuditReport;
    expect(report.pages).toHaveLength(4);
    expect(report.pages.map((p) => p.url)).toContain('https://www.smartergo.com/about');
    for (const page of report.pages) expect(new URL(page.url).hostname).toMatch(/(^|\.)smartergo\.com$/);
  }, CLI_TIMEOUT);

  it('gives the same report twice with --no-timestamp, byte for byte', async () => {
    const pages = ['https://www.smartergo.com/', 'https://www.smartergo.com/newsletter/thanks?email=jane.doe%40example.com', 'https://www.smartergo.com/about'];
    const first = await audit([...pages, '--no-timestamp', '--format', 'json']);
    const second = await audit([...pages, '--no-timestamp', '--format', 'json']);
    expect(first.code).toBe(1);
    expect(first.stdout.length).toBeGreaterThan(1000);
    expect(second.stdout).toBe(first.stdout);
  }, CLI_TIMEOUT);
});

describe('npm run audit, a changed policy', () => {
  it('reports each changed, added or removed section of the published policy', async () => {
    const original = await readFile(join(ROOT, 'src/data/privacy-policy.txt'), 'utf8');
    const changed = original
      .replace('SmartErgo may amend this policy from time to time.', 'SmartErgo may amend this policy at any time, without notice.')
      .replace(/Children’s Privacy\n\n[^\n]+\n\n/, '')
      .concat('\n\nData Retention\n\nWe keep your information for as long as we like.\n');
    site.setPolicyText(changed);
    try {
      const out = join(dir, 'changed.json');
      const run = await audit(['https://www.smartergo.com/about', '--out', out, '--no-timestamp']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/the published policy differs from the built-in one in 3 sections/);
      const report = JSON.parse(await readFile(out, 'utf8')) as AuditReport;
      validate(report);
      expect(validate.errors ?? []).toEqual([]);
      expect(report.generatedAt).toBeNull();
      expect(report.policyCheck?.changes.map((c) => [c.sectionId, c.change])).toEqual([
        ['changes-to-this-privacy-policy', 'changed'],
        ['childrens-privacy', 'removed'],
        ['data-retention', 'added'],
      ]);
      expect(report.policyCheck?.changes[0]).toMatchObject({
        removedSentences: ['SmartErgo may amend this policy from time to time.'],
        addedSentences: ['SmartErgo may amend this policy at any time, without notice.'],
      });
      expect(report.policyCheck?.missingQuotes.map((q) => q.practice)).toEqual(expect.arrayContaining(['policy-changes', 'children']));
    } finally {
      site.setPolicyText(undefined);
    }
  }, CLI_TIMEOUT);
});

describe('the popup and the report', () => {
  it('show the same findings for the same page, and the popup exports that report', async () => {
    const browser = await launchExtensionBrowser({ hostResolverRules: site.hostResolverRules(), ignoreCertificateErrors: true });
    try {
      const page = await browser.context.newPage();
      await visit(page, 'https://www.smartergo.com/');
      const tabId = await browser.tabIdOf(page);
      const home = DEMO_PAGES.find((p) => p.path === '/')!;
      await expect
        .poll(async () => missing((await browser.pageRecord(tabId))?.findings ?? [], home.expects), { timeout: 15_000 })
        .toEqual([]);

      // What the audit reads: the worker's settled answer, made into the report.
      const answer = await browser.settledPage(tabId);
      const report = buildReport({
        toolVersion: toolVersion(),
        generatedAt: null,
        pages: [{ url: page.url(), record: answer.page }],
        policy: POLICY,
        t: englishTranslator(),
      });
      const inReport = (report.pages[0]?.findings ?? []).map((f) => `${f.id} ${f.verdict}`).sort();
      expect(inReport.length).toBeGreaterThanOrEqual(home.expects.length);

      // What the popup shows for the tab.
      const popup = await browser.openPopup(tabId);
      await popup.getByTestId('summary').waitFor();
      const rows = popup.locator('[data-finding-id]');
      await expect.poll(() => rows.count()).toBe(inReport.length);
      const inPopup = (
        await rows.evaluateAll((items) => items.map((li) => `${li.getAttribute('data-finding-id')} ${li.getAttribute('data-verdict')}`))
      ).sort();
      expect(inPopup).toEqual(inReport);

      // The popup's own export (keyboard: focus the JSON button, press Enter) is the same report.
      const download = popup.waitForEvent('download');
      await popup.locator('[data-testid="export"] button[data-format="json"]').focus();
      await popup.keyboard.press('Enter');
      const saved = await download;
      expect(saved.suggestedFilename()).toMatch(/^policylens-www\.smartergo\.com-\d{8}-\d{6}\.json$/);
      const exported = JSON.parse(await readFile((await saved.path()) as string, 'utf8')) as AuditReport;
      validate(exported);
      expect(validate.errors ?? []).toEqual([]);
      expect((exported.pages[0]?.findings ?? []).map((f) => `${f.id} ${f.verdict}`).sort()).toEqual(inReport);
      expect({ ...exported, generatedAt: null, pages: exported.pages.map((p) => ({ ...p, findings: p.findings.map((f) => ({ ...f, firstSeen: null })) })) }).toEqual(report);
      await popup.close();
      await page.close();
    } finally {
      await browser.close();
    }
  }, CLI_TIMEOUT);
});
