import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
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
            'src/content/page-world/index.ts',
          ],
        },
      }),
      lateModulesStayPrivate(),
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

/**
 * The modules the worker injects with scripting.executeScript (src/background/late-modules.ts)
 * need not be web-accessible, but crxjs lists every `?script` file for all http(s) pages,
 * which would let any site load or detect them. This takes them out of the manifest's
 * web_accessible_resources, and drops the ES-module copies crxjs also emits for them.
 */
function lateModulesStayPrivate(): Plugin {
  const LATE = 'src/content/late/';
  return {
    name: 'policylens:late-modules-stay-private',
    enforce: 'post',
    generateBundle(_options, bundle) {
      // Content-script code runs only as the self-contained scripts crxjs builds apart: an ES
      // chunk of it in assets/ (the late modules' copies, the helper they share) is loaded by nothing.
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk' || !fileName.startsWith('assets/')) continue;
        const late = output.facadeModuleId?.includes(`/${LATE}`) === true;
        const contentOnly = output.moduleIds.length > 0 && output.moduleIds.every((id) => id.includes('/src/content/'));
        if (late || contentOnly) delete bundle[fileName];
      }
    },
    // crxjs writes the manifest after every generateBundle hook; so it is edited once written.
    writeBundle(options) {
      const file = join(options.dir ?? '', 'manifest.json');
      if (!options.dir || !existsSync(file)) return; // crxjs's own builds of single scripts
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { web_accessible_resources?: Array<{ resources: string[] }> };
      const kept = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({ ...entry, resources: entry.resources.filter((resource) => !resource.startsWith(LATE)) }))
        .filter((entry) => entry.resources.length > 0);
      if (kept.length > 0) manifest.web_accessible_resources = kept;
      else delete manifest.web_accessible_resources;
      writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
