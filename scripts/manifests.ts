/**
 * One manifest.json, two browsers. Chromium gets it as written (a service worker);
 * Firefox gets the same extension as an event page (background.scripts), with its
 * add-on id and minimum version, and without the permissions Firefox has no API for.
 * Pure: vite.config.ts builds with it, unit tests check it.
 */

export type Target = 'chrome' | 'firefox';
export const TARGETS: readonly Target[] = ['chrome', 'firefox'];

/** The add-on's id on addons.mozilla.org (fixed: it names the add-on for updates and storage). */
export const GECKO_ID = 'policylens@policylens.dev';
/**
 * Firefox 140 (an ESR): MV3 declarativeNetRequest with initiatorDomains and header rules,
 * storage.session, scripting.registerContentScripts in the MAIN world, host permissions
 * granted at install, and the data_collection_permissions key.
 */
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

/**
 * Permissions whose API PolicyLens uses Firefox does not have: contentSettings, and
 * declarativeNetRequest.getMatchedRules (what declarativeNetRequestFeedback is asked for).
 * The features behind them check for the API at run time and use their fallback or are
 * not offered (PERMISSIONS.md says which); Firefox's package does not ask for them.
 */
export const CHROMIUM_ONLY_PERMISSIONS: readonly string[] = ['contentSettings', 'declarativeNetRequestFeedback'];

/** The fields of manifest.json this file reads or writes; the rest is passed through. */
export interface SourceManifest {
  manifest_version: number;
  version: string;
  permissions?: string[];
  background?: { service_worker?: string; scripts?: string[]; type?: string };
  minimum_chrome_version?: string;
  browser_specific_settings?: unknown;
  [field: string]: unknown;
}

export function manifestFor<M extends SourceManifest>(target: Target, manifest: M): M {
  return target === 'firefox' ? firefoxManifest(manifest) : manifest;
}

export function firefoxManifest<M extends SourceManifest>(manifest: M): M {
  const worker = manifest.background?.service_worker;
  if (!worker) throw new Error('manifest.json: background.service_worker is missing');
  const { minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    // An event page: Firefox has no extension service workers. Same entry file; it keeps no
    // state in globals, so being unloaded when idle is the same as a stopped worker.
    background: { scripts: [worker], type: 'module' },
    permissions: (manifest.permissions ?? []).filter((p) => !CHROMIUM_ONLY_PERMISSIONS.includes(p)),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        // PolicyLens sends nothing anywhere (test/e2e/network.test.ts checks it).
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android reads data_collection_permissions from 142 on.
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  } as M;
}
