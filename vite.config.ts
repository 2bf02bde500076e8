import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  plugins: [
    crx({
      manifest: manifest as ManifestV3Export,
      contentScripts: {
        // A self-contained script runs at document_start itself; through crxjs's
        // async loader it would start after the page's first requests.
        standaloneFiles: ['src/content/index.ts'],
      },
    }),
  ],
  build: {
    outDir: 'dist/chrome',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
  // The extension never talks to a dev server in tests; the build is what ships.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
