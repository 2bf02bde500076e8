#!/usr/bin/env node
// The `policylens` command (package.json "bin"): runs src/audit/main.ts through Vite's
// module runner, as scripts/run-ts.mjs does, since Node 20 cannot run TypeScript itself.
import { runnerImport } from 'vite';

// configFile: false: the extension's build config (the crx plugin) has nothing to do here.
await runnerImport(new URL('../src/audit/main.ts', import.meta.url).href, { configFile: false, logLevel: 'error' });
