/**
 * The doors to the browser: only src/shared/browser.ts imports webextension-polyfill, and
 * the content script (paid for on every SmartErgo page) and the popup's first screen
 * reach the browser only through src/shared/runtime.ts, so they do not carry the polyfill.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname, '../../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The modules a file imports statically (`import type` is erased from the build, so it is left out). */
const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^\s*import\s(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]!);

/** Every module the file pulls in, following relative imports. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of importsOf(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const base = resolve(dirname(file), spec);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (found) pending.push(found);
    }
  }
  return seen;
}

describe('doors to the browser', () => {
  it('only src/shared/browser.ts imports webextension-polyfill', () => {
    const importers = sources(SRC)
      .filter((file) => importsOf(file).includes('webextension-polyfill'))
      .map((file) => relative(SRC, file));
    expect(importers).toEqual(['shared/browser.ts']);
  });

  it('the content script does not reach the polyfill', () => {
    const modules = [...reachable(join(SRC, 'content/index.ts'))].map((m) => (m.startsWith('/') ? relative(SRC, m) : m));
    expect(modules).not.toContain('shared/browser.ts');
    expect(modules).not.toContain('webextension-polyfill');
    expect(modules).toContain('shared/runtime.ts');
  });

  it('the content script leaves out what the worker injects when a page needs it (content/late-modules.ts)', () => {
    const modules = [...reachable(join(SRC, 'content/index.ts'))].map((m) => (m.startsWith('/') ? relative(SRC, m) : m));
    const injected = ['core/classify/leaks.ts', 'content/collectors/consent-reader.ts'];
    expect(modules.filter((m) => m.startsWith('content/late/') || injected.includes(m) || m.includes('@noble'))).toEqual([]);
    const late = [...reachable(join(SRC, 'content/late/leak-matcher.ts'))].map((m) => (m.startsWith('/') ? relative(SRC, m) : m));
    expect(late).toContain('core/classify/leaks.ts');
    expect(late).not.toContain('shared/browser.ts');
  });

  it('the popup’s first screen does not reach the polyfill (its controls load it later)', () => {
    const modules = [...reachable(join(SRC, 'popup/main.tsx'))].map((m) => (m.startsWith('/') ? relative(SRC, m) : m));
    expect(modules).not.toContain('shared/browser.ts');
    expect(modules).not.toContain('webextension-polyfill');
    expect(modules).toContain('shared/runtime.ts');
  });
});
