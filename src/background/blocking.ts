/**
 * Applies the user's settings to the browser. The settings in storage.local are
 * the source; everything the browser holds (declarativeNetRequest dynamic rules,
 * contentSettings cookie rules, the registered GPC script) is derived from them by
 * planBlocking and replaced wholesale, so applying twice is the same as once and a
 * restart can always rebuild it. What no rule can say (a cookie purpose, a single
 * cookie name) is enforced here with the cookies API: removed as soon as it is set.
 */
import { cookieBlock } from '../core/blocking/decide';
import { parseSetCookie } from '../core/classify/set-cookie';
import type { CookieData } from '../core/model';
import { planBlocking, type BlockingPlan, type CookieContentSetting, type DnrRule, type RuleLabel } from '../core/blocking/rules';
import { withChange, type BlockingSettings, type SettingsChange } from '../core/blocking/settings';
import { composeOptOut, composeReviewDelete, type OptOutChoice, type RightsRequestKind } from '../core/opt-out';
import { SMARTERGO_DOMAIN, SMARTERGO_MATCH_PATTERNS } from '../core/site';
import type { CookieContentSettings, GetMatchedRules } from '../shared/browser';
import {
  MAX_LOGGED_REQUESTS,
  readRequestLog,
  readSettings,
  type BlockedCount,
  type GetBlockedResponse,
  type LoggedRightsRequest,
} from '../shared/messages';
import { APPLIED_CONTENT_SETTINGS_KEY, REQUEST_LOG_KEY, SETTINGS_KEY } from '../shared/storage-keys';

export const GPC_SCRIPT_ID = 'policylens-gpc';
export const COOKIE_ATTEMPTS_SCRIPT_ID = 'policylens-cookie-attempts';

/**
 * The MAIN-world scripts the settings may call for: plain files in public/ (never
 * through crxjs's loader: they must run before the page's scripts).
 */
const SCRIPTS = [
  { id: GPC_SCRIPT_ID, file: 'gpc.js', wanted: (plan: BlockingPlan) => plan.gpcScript },
  { id: COOKIE_ATTEMPTS_SCRIPT_ID, file: 'cookie-attempts.js', wanted: (plan: BlockingPlan) => plan.cookieAttemptsScript },
] as const;

/** A cookie as the cookies API gives it (the fields used here). */
export interface ApiCookie {
  name: string;
  domain: string;
  path: string;
  storeId?: string;
}

export interface BlockingDeps {
  local: {
    get(keys: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  dnr: {
    getDynamicRules(): Promise<{ id: number }[]>;
    updateDynamicRules(options: { removeRuleIds: number[]; addRules: DnrRule[] }): Promise<void>;
  };
  getMatchedRules?: GetMatchedRules | undefined;
  /** Absent outside Chromium. */
  contentSettings?: CookieContentSettings | undefined;
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: {
      id: string;
      js: string[];
      matches: string[];
      runAt: 'document_start';
      allFrames: boolean;
      world: 'MAIN';
      persistAcrossSessions: boolean;
    }[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
  cookies: {
    getAll(details: { domain: string }): Promise<ApiCookie[]>;
    remove(details: { url: string; name: string; storeId?: string }): Promise<unknown>;
  };
  now(): number;
}

const contentSettingKey = (s: CookieContentSetting): string => `${s.primaryPattern} ${s.secondaryPattern ?? '<all_urls>'} ${s.setting}`;

/** What the last apply set (keys), or undefined when unknown (first run, damaged). */
function readAppliedContentSettings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

const cookieUrl = (cookie: ApiCookie): string => `https://${cookie.domain.replace(/^\./, '')}${cookie.path || '/'}`;

const labelKey = (label: RuleLabel): string =>
  label.kind === 'beacons' ? 'beacons' : label.kind === 'organisation' ? `org:${label.name}` : `host:${label.host}`;

export class Blocking {
  private cached: Promise<BlockingSettings> | undefined;
  /** Settings changes and applies run one at a time, in order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: BlockingDeps) {}

  /** The stored settings (memoised until storage.local says they changed). */
  settings(): Promise<BlockingSettings> {
    this.cached ??= this.deps.local.get(SETTINGS_KEY).then((items) => readSettings(items[SETTINGS_KEY]));
    return this.cached;
  }

  /** storage.local changed (this worker, or another context): read again next time. */
  forget(): void {
    this.cached = undefined;
  }

  /** Merges a change into the stored settings, stores it and applies it. */
  update(change: SettingsChange): Promise<BlockingSettings> {
    return this.serial(async () => {
      const next = withChange(await this.settings(), change);
      await this.deps.local.set({ [SETTINGS_KEY]: next });
      this.cached = Promise.resolve(next);
      await this.applyNow(next);
      return next;
    });
  }

  /** Makes the browser hold what the stored settings say (install, start-up). */
  apply(): Promise<void> {
    return this.serial(async () => this.applyNow(await this.settings()));
  }

  /** cookies.onChanged: a cookie that the settings block is removed as soon as it is set. */
  async enforceCookie(change: { removed: boolean; cookie: ApiCookie }): Promise<void> {
    if (change.removed) return;
    const settings = await this.settings();
    // The cookies API shows only SmartErgo's cookies (host permissions): first party on its pages.
    if (cookieBlock(settings, { name: change.cookie.name, party: 'first-party' })) await this.removeCookie(change.cookie);
  }

  /**
   * The cookies a SmartErgo response's Set-Cookie headers tried to set that the
   * settings block: the attempts a blocking rule kept out of the browser, to be shown.
   */
  async blockedSetCookies(url: string, headers: readonly { name: string; value?: string }[]): Promise<CookieData[]> {
    const values = headers.filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value).map((h) => h.value as string);
    if (values.length === 0) return [];
    const settings = await this.settings();
    const now = this.deps.now();
    return values.flatMap((value) => {
      const cookie = parseSetCookie(value, url, now);
      return cookie && cookieBlock(settings, { name: cookie.name, party: 'first-party' }) ? [cookie] : [];
    });
  }

  /** Adds a dated entry to the request log (newest first, bounded). */
  logRequest(kind: RightsRequestKind, choices: OptOutChoice[]): Promise<LoggedRightsRequest> {
    return this.serial(async () => {
      const email = kind === 'opt-out' ? composeOptOut(choices) : composeReviewDelete();
      const entry: LoggedRightsRequest = {
        kind,
        to: email.to,
        subject: email.subject,
        choices: kind === 'opt-out' ? [...choices] : [],
        sentAt: this.deps.now(),
      };
      const stored = await this.deps.local.get(REQUEST_LOG_KEY);
      const log = [entry, ...readRequestLog(stored[REQUEST_LOG_KEY])].slice(0, MAX_LOGGED_REQUESTS);
      await this.deps.local.set({ [REQUEST_LOG_KEY]: log });
      return entry;
    });
  }

  /** How many requests each blocking rule stopped in the tab since `since` (ms since the epoch). */
  async blockedCounts(tabId: number, since: number): Promise<GetBlockedResponse> {
    if (!this.deps.getMatchedRules) return { available: false, counts: [] };
    let matched: Awaited<ReturnType<GetMatchedRules>>;
    try {
      matched = await this.deps.getMatchedRules({ tabId, minTimeStamp: since });
    } catch (error) {
      // The call is quota-limited; the popup says the count is unknown rather than zero.
      console.warn('PolicyLens: getMatchedRules failed', error);
      return { available: false, counts: [] };
    }
    const { labels } = planBlocking(await this.settings());
    const counts = new Map<string, BlockedCount>();
    for (const info of matched.rulesMatchedInfo) {
      if (info.rule.rulesetId !== '_dynamic' || info.tabId !== tabId) continue;
      const label = labels[info.rule.ruleId];
      if (!label) continue;
      const key = labelKey(label);
      const entry = counts.get(key) ?? { label, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    return { available: true, counts: [...counts.values()].sort((a, b) => b.count - a.count) };
  }

  private serial<T>(run: () => Promise<T>): Promise<T> {
    const result = this.queue.then(run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async applyNow(settings: BlockingSettings): Promise<void> {
    const plan = planBlocking(settings);
    const { dnr, contentSettings, scripting } = this.deps;

    // One call replaces every dynamic rule: the browser never holds half a plan.
    const existing = await dnr.getDynamicRules();
    await dnr.updateDynamicRules({ removeRuleIds: existing.map((rule) => rule.id), addRules: plan.rules });

    if (contentSettings) {
      // The API can only clear all of an extension's settings. Clearing opens a moment
      // with nothing blocked, so it is done only when a setting must go; otherwise
      // setting again is enough (and restores any the browser dropped on an update).
      const stored = await this.deps.local.get(APPLIED_CONTENT_SETTINGS_KEY);
      const previous = readAppliedContentSettings(stored[APPLIED_CONTENT_SETTINGS_KEY]);
      const wanted = new Set(plan.contentSettings.map(contentSettingKey));
      if (previous === undefined || previous.some((key) => !wanted.has(key))) await contentSettings.clear({ scope: 'regular' });
      for (const setting of plan.contentSettings) await contentSettings.set({ ...setting, scope: 'regular' });
      await this.deps.local.set({ [APPLIED_CONTENT_SETTINGS_KEY]: [...wanted] });
    }

    const registered = new Set(
      (await scripting.getRegisteredContentScripts({ ids: SCRIPTS.map((s) => s.id) })).map((s) => s.id),
    );
    const toRegister = SCRIPTS.filter((s) => s.wanted(plan) && !registered.has(s.id));
    const toUnregister = SCRIPTS.filter((s) => !s.wanted(plan) && registered.has(s.id));
    if (toUnregister.length > 0) await scripting.unregisterContentScripts({ ids: toUnregister.map((s) => s.id) });
    if (toRegister.length > 0) {
      await scripting.registerContentScripts(
        toRegister.map((s) => ({
          id: s.id,
          js: [s.file],
          matches: [...SMARTERGO_MATCH_PATTERNS],
          runAt: 'document_start' as const,
          allFrames: true,
          world: 'MAIN' as const,
          persistAcrossSessions: true,
        })),
      );
    }

    // Cookies that already exist and are now blocked go at once.
    const cookies = await this.deps.cookies.getAll({ domain: SMARTERGO_DOMAIN });
    await Promise.all(
      cookies
        .filter((cookie) => cookieBlock(settings, { name: cookie.name, party: 'first-party' }))
        .map((cookie) => this.removeCookie(cookie)),
    );
  }

  private async removeCookie(cookie: ApiCookie): Promise<void> {
    await this.deps.cookies
      .remove({ url: cookieUrl(cookie), name: cookie.name, ...(cookie.storeId ? { storeId: cookie.storeId } : {}) })
      .catch((error: unknown) => console.warn('PolicyLens: could not remove cookie', cookie.name, error));
  }
}
