/**
 * The two builds `npm run build` makes (dist/chrome, dist/firefox): each manifest
 * points at files the build contains, and Mozilla's linter (web-ext lint, the checks
 * addons.mozilla.org runs on upload) finds no error and no warning beyond the one
 * reviewed below.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/manifests';
import { readZip } from '../../scripts/zip';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = (target: string): string => join(ROOT, 'dist', target);

interface BuiltManifest {
  background: { service_worker?: string; scripts?: string[] };
  action: { default_popup: string };
  content_scripts: { js: string[] }[];
  icons: Record<string, string>;
  default_locale: string;
  permissions: string[];
  browser_specific_settings?: { gecko?: { id?: string } };
}

const built = (target: string): BuiltManifest =>
  JSON.parse(readFileSync(join(DIST(target), 'manifest.json'), 'utf8')) as BuiltManifest;

/** Every file a built manifest names. */
const namedFiles = (m: BuiltManifest): string[] => [
  ...(m.background.service_worker ? [m.background.service_worker] : []),
  ...(m.background.scripts ?? []),
  m.action.default_popup,
  ...m.content_scripts.flatMap((c) => c.js),
  ...Object.values(m.icons),
  `_locales/${m.default_locale}/messages.json`,
];

describe('the builds', () => {
  for (const target of ['chrome', 'firefox']) {
    it(`dist/${target} holds every file its manifest names, and both locales`, () => {
      const manifest = built(target);
      expect(namedFiles(manifest).filter((file) => !existsSync(join(DIST(target), file)))).toEqual([]);
      expect(readdirSync(join(DIST(target), '_locales')).sort()).toEqual(readdirSync(join(ROOT, 'public/_locales')).sort());
    });

    it(`dist/${target} lets no page load or detect its files, and packs the modules the worker injects`, () => {
      const manifest = JSON.parse(readFileSync(join(DIST(target), 'manifest.json'), 'utf8')) as { web_accessible_resources?: unknown };
      expect(manifest.web_accessible_resources).toBeUndefined();
      expect(existsSync(join(DIST(target), 'src/content/late/leak-matcher.js'))).toBe(true);
      // Nor an unused ES-module copy of them beside the popup's and the worker's chunks.
      expect(readdirSync(join(DIST(target), 'assets')).filter((file) => /late-modules|leak-matcher|consent-reader/.test(file))).toEqual([]);
    });
  }

  it('Chromium gets a service worker, Firefox an event page with its add-on id', () => {
    expect(built('chrome').background.service_worker).toBeTruthy();
    expect(built('chrome').permissions).toContain('contentSettings');
    expect(built('firefox').background.scripts).toHaveLength(1);
    expect(built('firefox').background.service_worker).toBeUndefined();
    expect(built('firefox').browser_specific_settings?.gecko?.id).toBe(GECKO_ID);
    expect(built('firefox').permissions).not.toContain('contentSettings');
  });
});

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

const run = promisify(execFile);

/**
 * Mozilla's linter on a build folder (web-ext lint) or an archive (addons-linter, what
 * web-ext lint runs): its errors, notices and the warnings not reviewed. Reviewed: Preact's
 * renderer assigns innerHTML for `dangerouslySetInnerHTML`, which PolicyLens never uses
 * (checked below); the warning names the bundle that holds Preact.
 */
async function lint(command: 'web-ext' | 'addons-linter', target: string): Promise<{ errors: LintMessage[]; notices: LintMessage[]; warnings: LintMessage[] }> {
  const args = command === 'web-ext' ? ['lint', '--source-dir', target, '--no-config-discovery', '--output', 'json'] : ['--output', 'json', target];
  // No update check (a request to the npm registry) during tests.
  const options = { env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, maxBuffer: 16 * 1024 * 1024 };
  const { stdout } = await run(join(ROOT, 'node_modules/.bin', command), args, options).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }), // a non-zero exit still prints the report
  );
  const report = JSON.parse(stdout) as { errors: LintMessage[]; warnings: LintMessage[]; notices: LintMessage[] };
  const preactBundle = (file: string | undefined): boolean =>
    file !== undefined && /^assets\/[^/]+\.js$/.test(file) && readFileSync(join(DIST('firefox'), file), 'utf8').includes('dangerouslySetInnerHTML');
  return {
    errors: report.errors,
    notices: report.notices,
    warnings: report.warnings.filter((w) => !(w.code === 'UNSAFE_VAR_ASSIGNMENT' && preactBundle(w.file))),
  };
}

describe('web-ext lint on dist/firefox', () => {
  it("finds no error, and no warning but Preact's own innerHTML", async () => {
    expect(await lint('web-ext', DIST('firefox'))).toEqual({ errors: [], notices: [], warnings: [] });
  }, 60_000);

  it('PolicyLens\'s own sources never set innerHTML or use dangerouslySetInnerHTML', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          if (/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML/.test(readFileSync(path, 'utf8'))) offenders.push(path);
        }
      }
    };
    walk(join(ROOT, 'src'));
    expect(offenders).toEqual([]);
  });
});

describe('npm run package', () => {
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const archive = (what: string): string => join(ROOT, 'dist', `policylens-${what}-${version}.zip`);

  it('writes store-ready archives of both builds and the source bundle', async () => {
    // --allow-dirty: a developer's work tree may hold uncommitted work; CI's never does.
    const { stdout } = await run(process.execPath, ['scripts/run-ts.mjs', 'scripts/package.ts', '--allow-dirty'], { cwd: ROOT });
    for (const what of ['chrome', 'firefox', 'source']) expect(stdout).toContain(`policylens-${what}-${version}.zip`);

    for (const target of ['chrome', 'firefox']) {
      const entries = readZip(readFileSync(archive(target)));
      const files = readdirSync(DIST(target), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(DIST(target).length + 1))
        .sort();
      // Exactly the build, byte for byte, with manifest.json at the root.
      expect(entries.map((e) => e.name)).toEqual(files);
      for (const entry of entries) expect(entry.data.equals(readFileSync(join(DIST(target), entry.name))), entry.name).toBe(true);
      expect(entries.some((e) => e.name === 'manifest.json')).toBe(true);
    }

    const source = readZip(readFileSync(archive('source'))).map((e) => e.name);
    const prefix = `policylens-${version}/`;
    expect(source).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'src/background/index.ts'].map((f) => prefix + f)));
    expect(source.filter((name) => !name.startsWith(prefix) || /\/(node_modules|dist)\//.test(name))).toEqual([]);
  }, 120_000);

  it("the Firefox archive passes addons-linter, as AMO's upload check would", async () => {
    expect(await lint('addons-linter', archive('firefox'))).toEqual({ errors: [], notices: [], warnings: [] });
  }, 60_000);
});
