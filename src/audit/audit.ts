/**
 * The headless audit: visits pages in Chromium with the built extension, asks the
 * extension what it found on each (the popup's own 'get-page' question, answered once
 * the worker has saved everything), reads the site's published privacy policy through
 * the same browser, and builds the report. No detector runs here: the findings are the
 * extension's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { getDomain } from 'tldts';
import type { PageRecord } from '../core/model';
import { diffPolicy, missingQuotes } from '../core/policy/diff';
import { POLICY } from '../core/policy/disclosures';
import { reviewPolicy, type PolicyNote } from '../core/policy/review';
import { parsePolicy, type PolicySection } from '../core/policy/sections';
import { buildReport, type AuditReport, type PolicyCheckInput, type ReportPageInput } from '../core/report';
import { sanitizeUrl } from '../core/classify/requests';
import { isSmartErgoUrl } from '../core/site';
import { readPolicyText } from '../content/collectors/policy-text';
import { createTranslator, type Messages, type Translate } from '../shared/i18n';
import { launchExtensionBrowser, PACKAGE_DIR, type ExtensionBrowser } from './chromium';

export interface AuditTarget {
  /** Pages to visit first. */
  urls: string[];
  /** Chromium's --host-resolver-rules, if any. */
  hostResolverRules?: string;
  ignoreCertificateErrors: boolean;
  /** Visit at most this many pages, following same-site links past `urls` when larger. */
  maxPages: number;
  /** Per page: loading, then waiting for the network to be quiet. */
  timeoutMs: number;
  /** The published policy page; null: do not check it. */
  policyUrl: string | null;
  /** false: no generatedAt or firstSeen, for reports that diff cleanly. */
  timestamps: boolean;
  /** The clock (milliseconds since the epoch) for generatedAt. */
  now?: () => number;
}

export interface AuditResult {
  report: AuditReport;
  /** Pages that could not be audited (not loaded, HTTP error, not a SmartErgo page). */
  loadErrors: string[];
}

export type Progress = (line: string) => void;

const MESSAGES_FILE = join(PACKAGE_DIR, 'public/_locales/en/messages.json');

export function englishTranslator(): Translate {
  return createTranslator(JSON.parse(readFileSync(MESSAGES_FILE, 'utf8')) as Messages);
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

const errorText = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  // Playwright appends a call log after the first line; the first line says what failed.
  return (text.split('\n')[0] ?? text).trim();
};

/** The URL without its fragment, to tell pages already queued. */
const pageKey = (url: string): string => url.split('#', 1)[0] ?? url;

async function sameSiteLinks(page: Page, from: string): Promise<string[]> {
  const site = getDomain(new URL(from).hostname);
  const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.filter((href) => {
    try {
      const url = new URL(href);
      return (url.protocol === 'https:' || url.protocol === 'http:') && getDomain(url.hostname) === site && isSmartErgoUrl(href);
    } catch {
      return false;
    }
  });
}

interface Visited {
  input: ReportPageInput;
  links: string[];
}

async function auditPage(browser: ExtensionBrowser, url: string, target: AuditTarget, wantLinks: boolean): Promise<Visited> {
  // Every page is seen as a new visitor's: no cookie from an earlier page is sent with it.
  await browser.context.clearCookies();
  const page = await browser.context.newPage();
  try {
    let status: number | undefined;
    try {
      const response = await page.goto(url, { waitUntil: 'load', timeout: target.timeoutMs });
      status = response?.status();
    } catch (error) {
      return { input: { url: sanitizeUrl(url), record: null, error: `could not load the page: ${errorText(error)}` }, links: [] };
    }
    if (status !== undefined && status >= 400) {
      return { input: { url: sanitizeUrl(url), record: null, error: `the server answered HTTP ${status}` }, links: [] };
    }
    // Quiet network: a page that keeps polling is audited as it is after the timeout.
    await page.waitForLoadState('networkidle', { timeout: target.timeoutMs }).catch(() => undefined);
    const tabId = await browser.tabIdOf(page);
    const answer = await browser.settledPage(tabId);
    if (!answer.smartErgo) {
      return { input: { url: sanitizeUrl(url), record: null, error: `not a SmartErgo page (it ended at ${sanitizeUrl(page.url())})` }, links: [] };
    }
    const record: PageRecord | null = answer.page;
    const links = wantLinks ? await sameSiteLinks(page, page.url()) : [];
    return { input: { url: sanitizeUrl(url), record }, links };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** The text of a policy page, read by the same function the content script uses. */
function policyTextOf(page: Page): Promise<string> {
  return page.evaluate(readPolicyText);
}

interface PolicyReading {
  check: PolicyCheckInput;
  notes?: { notes: PolicyNote[]; sections: PolicySection[] };
}

async function checkPolicy(browser: ExtensionBrowser, url: string, target: AuditTarget): Promise<PolicyReading> {
  const failed = (error: string): PolicyReading => ({ check: { url: sanitizeUrl(url), error, changes: [], missingQuotes: [] } });
  const page = await browser.context.newPage();
  try {
    let status: number | undefined;
    try {
      status = (await page.goto(url, { waitUntil: 'load', timeout: target.timeoutMs }))?.status();
    } catch (error) {
      return failed(`could not load the page: ${errorText(error)}`);
    }
    if (status !== undefined && status >= 400) return failed(`the server answered HTTP ${status}`);
    const text = await policyTextOf(page);
    let sections: PolicySection[];
    try {
      sections = parsePolicy(text);
    } catch (error) {
      return failed(`no policy text found on the page: ${errorText(error)}`);
    }
    return {
      check: { url: sanitizeUrl(url), error: null, changes: diffPolicy(POLICY.sections, sections), missingQuotes: missingQuotes(POLICY, text) },
      notes: { notes: reviewPolicy(text, sections), sections },
    };
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Runs the audit in a browser it launches and closes. Throws a LaunchError when the
 * browser or the built extension is missing; a page that cannot be loaded is reported
 * (in the report and in `loadErrors`), and the other pages are still audited.
 */
export async function runAudit(target: AuditTarget, progress: Progress, t: Translate = englishTranslator()): Promise<AuditResult> {
  const browser = await launchExtensionBrowser({
    ...(target.hostResolverRules ? { hostResolverRules: target.hostResolverRules } : {}),
    ignoreCertificateErrors: target.ignoreCertificateErrors,
  });
  try {
    const queue = [...target.urls];
    const seen = new Set(queue.map(pageKey));
    const pages: ReportPageInput[] = [];
    const loadErrors: string[] = [];
    while (queue.length > 0 && pages.length < target.maxPages) {
      const url = queue.shift() as string;
      const n = pages.length + 1;
      progress(`[${n}/${Math.min(target.maxPages, pages.length + queue.length + 1)}] ${sanitizeUrl(url)}`);
      const visited = await auditPage(browser, url, target, target.maxPages > target.urls.length);
      pages.push(visited.input);
      if (visited.input.error) {
        loadErrors.push(`${sanitizeUrl(url)}: ${visited.input.error}`);
        progress(`      error: ${visited.input.error}`);
      } else {
        const findings = visited.input.record?.findings ?? [];
        const contradicts = findings.filter((f) => f.match.verdict === 'contradicts').length;
        const notCovered = findings.filter((f) => f.match.verdict === 'not-covered').length;
        progress(`      ${findings.length} findings (${contradicts} contradict the policy, ${notCovered} not covered)`);
      }
      for (const link of visited.links) {
        const key = pageKey(link);
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(key);
      }
    }

    let policy: PolicyReading | undefined;
    if (target.policyUrl !== null) {
      progress(`policy: ${target.policyUrl}`);
      policy = await checkPolicy(browser, target.policyUrl, target);
      const { error, changes } = policy.check;
      progress(
        error
          ? `      error: ${error}`
          : changes.length === 0
            ? '      the same as the policy PolicyLens was built with'
            : `      ${changes.length} sections differ from the policy PolicyLens was built with: ${changes.map((c) => `${c.sectionId} (${c.change})`).join(', ')}`,
      );
    }

    const report = buildReport({
      toolVersion: toolVersion(),
      generatedAt: target.timestamps ? (target.now ?? Date.now)() : null,
      pages,
      policy: POLICY,
      t,
      policyCheck: policy?.check ?? null,
      ...(policy?.notes ? { policyNotes: policy.notes } : {}),
    });
    return { report, loadErrors };
  } finally {
    await browser.close();
  }
}
