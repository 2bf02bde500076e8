/**
 * The e2e tests' way to drive Debian's Chromium with the built, unpacked extension
 * against the demo site. The launcher itself is src/audit/chromium.ts, shared with the
 * headless audit (`npm run audit`), so tests and the audit see the browser the same way;
 * this file keeps the tests' API: a demo site in, its host map and certificate applied.
 */
import { launchExtensionBrowser, type ExtensionBrowser } from '../../src/audit/chromium';
import type { DemoSite } from '../fixtures/server';

export { CHROMIUM_PATH, EXTENSION_DIR, visit, waitUntil, type ExtensionBrowser } from '../../src/audit/chromium';

export interface LaunchOptions {
  headless?: boolean;
  /**
   * A profile directory to use, kept when the browser closes, so a second launch with
   * it is the same user's browser restarted. Default: a fresh one, deleted on close.
   */
  userDataDir?: string;
  /**
   * Allow third-party cookies, as most users' Chrome still does (this Chromium blocks
   * them by default in a new profile): written into the new profile's preferences.
   */
  allowThirdPartyCookies?: boolean;
  /** More Chromium flags (e.g. --log-net-log=FILE). */
  extraArgs?: string[];
  /** Playwright's own flags to leave out (e.g. --disable-back-forward-cache). */
  ignoreDefaultArgs?: string[];
}

export function launchWithExtension(site: DemoSite, options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  return launchExtensionBrowser({
    ...options,
    hostResolverRules: site.hostResolverRules(),
    // The demo site's certificate is self-signed; Secure and SameSite=None cookies need HTTPS.
    ignoreCertificateErrors: true,
  });
}
