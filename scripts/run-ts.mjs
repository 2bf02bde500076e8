// Runs a TypeScript script with Node 20 through Vite's module runner (no extra
// dependency): node scripts/run-ts.mjs scripts/start.ts [args...]
import { runnerImport } from 'vite';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const [, , script, ...args] = process.argv;
if (!script) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], resolve(script), ...args];
await runnerImport(pathToFileURL(resolve(script)).href);
