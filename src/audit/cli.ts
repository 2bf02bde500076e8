/**
 * `policylens audit [options] [url...]` (also `npm run audit -- ...`): the headless
 * audit for QA and CI. Exit codes: 0 nothing reaches --fail-on, 1 something does,
 * 2 a usage error, a page that could not be loaded, or no browser.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FAIL_ON_LEVELS, reachesFailLevel, renderReport, REPORT_FORMATS, type FailOn, type ReportFormat } from '../core/report';
import { isSmartErgoUrl } from '../core/site';
import { englishTranslator, runAudit, type AuditTarget } from './audit';
import { EXTENSION_DIR, LaunchError, PACKAGE_DIR } from './chromium';

export const EXIT = { ok: 0, failed: 1, error: 2 } as const;

export const USAGE = `Usage: policylens audit [options] [url...]
       npm run audit -- [options] [url...]

Visits each SmartErgo page in headless Chromium with the PolicyLens extension, and
reports what the extension found, matched to the privacy policy. With no URL: the
bundled demo site (started here), every demo page.

Options:
  --resolve HOST:IP[:PORT]   send HOST to IP (and PORT) instead of DNS, to test a
                             staging server under the real host name (repeatable)
  --insecure                 accept self-signed certificates (a staging server)
  --format json|markdown|html   report format (default: json)
  --out FILE                 write the report to FILE (default: standard output)
  --fail-on contradicts|not-covered|never
                             exit 1 when a finding reaches this verdict
                             (default: contradicts; not-covered includes contradicts)
  --max-pages N              visit up to N pages, following same-site links from
                             the given ones (default: just the given pages)
  --timeout MS               per page, to load and to go quiet (default: 30000)
  --policy-url URL           the published privacy policy to compare with the one
                             PolicyLens was built with (default: /privacy on the
                             first page's host); "none" to skip
  --no-timestamp             no times in the report (generatedAt, firstSeen are
                             null), so two reports diff cleanly
  --no-build                 use dist/chrome as it is (default: build it first
                             when it is missing or older than the sources)
  -h, --help                 this text

Exit codes: 0 nothing reaches --fail-on; 1 something does; 2 a usage error, a page
that could not be loaded, or no Chromium (set CHROMIUM_PATH) or built extension.
The JSON report follows schema/report.v2.schema.json.`;

class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliOptions {
  urls: string[];
  resolve: string[];
  insecure: boolean;
  format: ReportFormat;
  out: string | undefined;
  failOn: FailOn;
  maxPages: number | undefined;
  timeoutMs: number;
  policyUrl: string | undefined;
  timestamps: boolean;
  build: boolean;
  help: boolean;
}

const positiveInteger = (name: string, raw: string | undefined, fallback: number | undefined): number | undefined => {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${name} must be a positive whole number, not "${raw}".`);
  return Number(raw);
};

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T): T {
  if (raw === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`${name} must be one of ${allowed.join(', ')}, not "${raw}".`);
  return raw as T;
}

/** Parses the arguments after the program name (`audit ...`). Throws a UsageError. */
export function parseCli(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        resolve: { type: 'string', multiple: true },
        insecure: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        'fail-on': { type: 'string' },
        'max-pages': { type: 'string' },
        timeout: { type: 'string' },
        'policy-url': { type: 'string' },
        'no-timestamp': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const help = values.help === true;
  const [command, ...urls] = positionals;
  if (!help && command !== 'audit') {
    throw new UsageError(command === undefined ? 'Say what to do: `policylens audit [url...]`.' : `Unknown command "${command}".`);
  }
  for (const url of urls) {
    let parsedUrl: URL;
    try {
      parsedUrl = new URL(url);
    } catch {
      throw new UsageError(`"${url}" is not a URL (e.g. https://www.smartergo.com/).`);
    }
    if (parsedUrl.protocol !== 'https:' && parsedUrl.protocol !== 'http:') throw new UsageError(`"${url}" is not an http(s) URL.`);
    if (!isSmartErgoUrl(url)) {
      throw new UsageError(
        `${url} is not a SmartErgo page: PolicyLens looks only at smartergo.com and its subdomains. To audit another server, use its SmartErgo host name with --resolve HOST:IP[:PORT].`,
      );
    }
  }
  const resolve = values.resolve ?? [];
  resolve.forEach(resolverRule); // checks each
  return {
    urls,
    resolve,
    insecure: values.insecure === true,
    format: oneOf('--format', values.format, REPORT_FORMATS, 'json'),
    out: values.out,
    failOn: oneOf('--fail-on', values['fail-on'], FAIL_ON_LEVELS, 'contradicts'),
    maxPages: positiveInteger('--max-pages', values['max-pages'], undefined),
    timeoutMs: positiveInteger('--timeout', values.timeout, 30_000) as number,
    policyUrl: values['policy-url'],
    timestamps: values['no-timestamp'] !== true,
    build: values['no-build'] !== true,
    help,
  };
}

/** "www.smartergo.com:127.0.0.1:8443" -> "MAP www.smartergo.com 127.0.0.1:8443"; IPv6 in brackets. */
export function resolverRule(spec: string): string {
  const match = /^([A-Za-z0-9.-]+|\*(?:\.[A-Za-z0-9.-]+)?):(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]+\])(?::(\d{1,5}))?$/.exec(spec);
  if (!match) throw new UsageError(`--resolve takes HOST:IP[:PORT] (e.g. www.smartergo.com:127.0.0.1:8443), not "${spec}".`);
  const [, host, ip, port] = match;
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65_535)) throw new UsageError(`--resolve: no port ${port}.`);
  return `MAP ${host} ${ip}${port === undefined ? '' : `:${port}`}`;
}

/** The newest modification time of the files under the paths (directories walked). */
function newestMtime(paths: readonly string[]): number {
  let newest = 0;
  const walk = (path: string): void => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) walk(join(path, name));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(walk);
  return newest;
}

/** Builds the extension when dist/chrome is missing or older than what it is built from. */
async function ensureBuilt(progress: (line: string) => void): Promise<void> {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const sources = ['src', 'public', 'manifest.json', 'vite.config.ts', 'package.json'].map((p) => join(PACKAGE_DIR, p));
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newestMtime(sources)) return;
  progress(existsSync(manifest) ? 'building the extension (the sources changed)...' : 'building the extension...');
  const { build } = await import('vite');
  await build({ root: PACKAGE_DIR, configFile: join(PACKAGE_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

export interface CliIo {
  stdout: (text: string) => Promise<void>;
  stderr: (line: string) => void;
}

/** Runs the command; resolves with the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCli(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`policylens: ${error.message}\nSee \`policylens audit --help\` for the options.`);
    return EXIT.error;
  }
  if (options.help) {
    await io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const progress = (line: string): void => io.stderr(line);

  let site: { close(): Promise<void> } | undefined;
  try {
    if (options.build) await ensureBuilt(progress);

    let target: AuditTarget;
    const common = {
      timeoutMs: options.timeoutMs,
      timestamps: options.timestamps,
    };
    if (options.urls.length === 0) {
      // The bundled demo site, in this process, so the command works on a fresh machine.
      const demo = await import('../../test/fixtures/server');
      const started = await demo.startDemoSite();
      site = started;
      progress(`demo site on 127.0.0.1:${started.port} (${demo.DEMO_PAGES.length} pages)`);
      const urls = demo.DEMO_PAGES.map((p) => p.url);
      target = {
        ...common,
        urls,
        hostResolverRules: [started.hostResolverRules(), ...options.resolve.map(resolverRule)].join(', '),
        ignoreCertificateErrors: true,
        maxPages: options.maxPages ?? urls.length,
        policyUrl: options.policyUrl === 'none' ? null : (options.policyUrl ?? `https://${demo.WWW}/privacy`),
      };
    } else {
      const first = new URL(options.urls[0] as string);
      target = {
        ...common,
        urls: options.urls,
        ...(options.resolve.length > 0 ? { hostResolverRules: options.resolve.map(resolverRule).join(', ') } : {}),
        ignoreCertificateErrors: options.insecure,
        maxPages: Math.max(options.maxPages ?? options.urls.length, 1),
        policyUrl: options.policyUrl === 'none' ? null : (options.policyUrl ?? `${first.origin}/privacy`),
      };
    }

    const t = englishTranslator();
    const { report, loadErrors } = await runAudit(target, progress, t);
    const text = renderReport(report, options.format, t);
    if (options.out) {
      await writeFile(options.out, text);
      progress(`report: ${options.out}`);
    } else {
      await io.stdout(text);
    }

    const counts = report.summary.counts;
    progress(
      `${report.summary.pages} pages, ${counts.total} findings: ${counts.contradicts} contradict the policy, ${counts['not-covered']} not covered, ${counts.disclosed} disclosed.`,
    );
    const changes = report.policyCheck?.changes.length ?? 0;
    if (changes > 0) progress(`the published policy differs from the built-in one in ${changes} sections (see policyCheck).`);
    const explicitPolicyFailed = options.policyUrl !== undefined && options.policyUrl !== 'none' && report.policyCheck?.error;
    if (loadErrors.length > 0 || explicitPolicyFailed) {
      for (const error of loadErrors) io.stderr(`policylens: ${error}`);
      if (explicitPolicyFailed) io.stderr(`policylens: the policy page ${options.policyUrl}: ${report.policyCheck?.error}`);
      return EXIT.error;
    }
    if (reachesFailLevel(report, options.failOn)) {
      progress(`failing: findings reach --fail-on ${options.failOn}.`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof LaunchError) {
      io.stderr(`policylens: ${error.message}`);
      return EXIT.error;
    }
    io.stderr(`policylens: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.error;
  } finally {
    await site?.close().catch(() => undefined);
  }
}
