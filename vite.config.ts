import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { manifestFor, type Target } from './scripts/manifests.ts';

// `vite build` makes dist/chrome; `vite build --mode firefox` makes dist/firefox from the
// same sources, with the manifest scripts/manifests.ts derives for Firefox.
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [
      crx({
        manifest: manifestFor(target, manifest) as ManifestV3Export,
        browser: target,
        contentScripts: {
          // A self-contained script runs at document_start itself; through crxjs's
          // async loader it would start after the page's first requests.
          standaloneFiles: [
            'src/content/index.ts',
            'src/content/page-world/beacon-hints.ts',
            'src/content/page-world/behaviour-watch.ts',
          ],
        },
      }),
    ],
    build: {
      outDir: `dist/${target}`,
      emptyOutDir: true,
      target: target === 'firefox' ? 'firefox140' : 'chrome120',
      sourcemap: false,
    },
    // The extension never talks to a dev server in tests; the build is what ships.
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
