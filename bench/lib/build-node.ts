/**
 * Builds the benchmark's Node entry points into dist-bench/ with Vite (Rolldown), the
 * way the extension's code ships: bundled, ESM. The timed and measured code then runs
 * in plain Node, not through Vite's module runner (whose import rewriting would add
 * its own cost to PolicyLens's code and not to the peers', which load from node_modules).
 * Dependencies in node_modules (tldts, the peer engines) stay external and load as published.
 */
import { resolve } from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from './corpus';

export const NODE_OUT_DIR = resolve(REPO_ROOT, 'dist-bench/node');

export async function buildNodeEntries(): Promise<{ classify: string; memory: string }> {
  await build({
    configFile: false,
    root: REPO_ROOT,
    logLevel: 'warn',
    publicDir: false,
    build: {
      ssr: true,
      outDir: NODE_OUT_DIR,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rolldownOptions: {
        input: {
          classify: resolve(REPO_ROOT, 'bench/node/classify.ts'),
          memory: resolve(REPO_ROOT, 'bench/node/memory.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  return { classify: resolve(NODE_OUT_DIR, 'classify.mjs'), memory: resolve(NODE_OUT_DIR, 'memory.mjs') };
}
