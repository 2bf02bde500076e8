/**
 * Where the shared benchmark inputs are: ../shared/corpora beside the repository
 * (read in place, never copied: the request corpus is MPL-2.0, EasyPrivacy GPL/CC BY-SA).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RawRequest {
  url: string;
  /** Ghostery's spelling of the resource type: script, image, xhr, document... */
  type: string;
  sourceUrl: string;
}

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CORPORA_DIR = resolve(REPO_ROOT, '../shared/corpora');
export const REQUESTS_PATH = resolve(CORPORA_DIR, 'ghostery-requests.ts');
export const EASYPRIVACY_PATH = resolve(CORPORA_DIR, 'easyprivacy.txt');

/** Throws a message that says what is missing and where it was looked for. */
export function assertCorporaPresent(): void {
  const missing = [REQUESTS_PATH, EASYPRIVACY_PATH].filter((path) => !existsSync(path));
  if (missing.length > 0) {
    throw new Error(
      `bench: the shared corpora are missing:\n${missing.map((p) => `  ${p}`).join('\n')}\n` +
        'They live beside the repository in ../shared/corpora (see ../shared/corpora/README.md); ' +
        'check that directory out next to the repository, then run `npm run bench` again.',
    );
  }
}

/** Loads the request corpus (a TypeScript module; this runs under Vite's module runner). */
export async function loadRequestCorpus(): Promise<RawRequest[]> {
  assertCorporaPresent();
  const mod: unknown = await import(/* @vite-ignore */ pathToFileURL(REQUESTS_PATH).href);
  const list = (mod as { default?: unknown }).default;
  if (!Array.isArray(list)) throw new Error(`bench: ${REQUESTS_PATH} has no default export list`);
  return (list as Array<Record<string, unknown>>).map((r, i) => {
    if (typeof r['url'] !== 'string' || typeof r['type'] !== 'string' || typeof r['sourceUrl'] !== 'string') {
      throw new Error(`bench: corpus entry ${i} lacks url, type or sourceUrl`);
    }
    return { url: r['url'], type: r['type'], sourceUrl: r['sourceUrl'] };
  });
}
