/**
 * `npm run package`: what goes to the stores, in dist/:
 *   policylens-chrome-<version>.zip   the Chromium build (Chrome Web Store), manifest at the root
 *   policylens-firefox-<version>.zip  the Firefox build (addons.mozilla.org)
 *   policylens-source-<version>.zip   `git archive` of HEAD, for reviewers who rebuild it
 *
 * Both builds are made here from a clean work tree, so the source bundle is exactly what
 * they were built from (--allow-dirty to package uncommitted work anyway, never for a
 * store). The archives are written by scripts/zip.ts (node:zlib, no zip program needed),
 * with every file dated at HEAD's commit time: the same commit packs to the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import { TARGETS, type Target } from './manifests';
import { readZip, zip } from './zip';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');

const git = (...args: string[]): string => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

export const archiveName = (what: Target | 'source', version: string): string => `policylens-${what}-${version}.zip`;

async function main(): Promise<void> {
  const allowDirty = process.argv.includes('--allow-dirty');
  const changes = git('status', '--porcelain');
  if (changes && !allowDirty) {
    console.error(`package: the work tree has changes that HEAD does not; commit them first, so the source bundle is what was built:\n${changes}`);
    process.exit(2);
  }
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const manifestVersion = (JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { version: string }).version;
  if (version !== manifestVersion) {
    console.error(`package: package.json says ${version}, manifest.json says ${manifestVersion}`);
    process.exit(2);
  }
  const committed = new Date(git('log', '-1', '--format=%cI'));

  const written: string[] = [];
  for (const target of TARGETS) {
    await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), mode: target === 'firefox' ? 'firefox' : 'production', logLevel: 'warn' });
    const dir = join(DIST, target);
    const files = filesUnder(dir);
    const archive = zip(
      files.map((name) => ({ name, data: readFileSync(join(dir, name)) })),
      committed,
    );
    // Read it back before calling it store-ready.
    const back = readZip(archive);
    if (back.length !== files.length || !back.some((entry) => entry.name === 'manifest.json')) {
      throw new Error(`package: ${target} archive did not read back`);
    }
    const file = join(DIST, archiveName(target, version));
    writeFileSync(file, archive);
    written.push(file);
  }

  const source = join(DIST, archiveName('source', version));
  git('archive', '--format=zip', `--prefix=policylens-${version}/`, '-o', source, 'HEAD');
  written.push(source);

  for (const file of written) {
    const data = readFileSync(file);
    console.log(`${relative(ROOT, file)}  ${(data.length / 1024).toFixed(1)} KB  sha256 ${sha256(data)}`);
  }
  if (changes) console.error('package: built with uncommitted changes (--allow-dirty): not for a store.');
}

await main();
