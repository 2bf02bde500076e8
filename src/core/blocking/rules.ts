/**
 * Settings → what the browser must hold: declarativeNetRequest dynamic rules,
 * contentSettings cookie rules, and whether the GPC script is registered. Pure and
 * deterministic: the same settings give the same rules with the same ids, so the
 * worker can replace everything it owns at any time (idempotent apply).
 *
 * Scope: every rule either acts only on requests made by SmartErgo pages
 * (`initiatorDomains: ['smartergo.com']`), or only on navigations to SmartErgo itself
 * (`requestDomains: ['smartergo.com']`, `resourceTypes: ['main_frame']`: a page typed
 * in the address bar has no initiator). The rest of the web is untouched.
 *
 * What declarativeNetRequest cannot say, the worker does with the cookies API
 * (a cookie purpose or a single name: removed as soon as it is set).
 */
import { TRACKER_ORGANISATIONS, type TrackerOrganisation } from '../../data/trackers';
import { GENERATED_TRACKERS } from '../../data/trackers.generated';
import { SMARTERGO_DOMAIN } from '../site';
import { orgTarget, type BlockingSettings, type TrackerChoice, type TrackerTarget } from './settings';

/** Chromium's declarativeNetRequest resource types (a subset both Chromium and Firefox know). */
export type DnrResourceType =
  | 'main_frame'
  | 'sub_frame'
  | 'stylesheet'
  | 'script'
  | 'image'
  | 'font'
  | 'object'
  | 'xmlhttprequest'
  | 'ping'
  | 'csp_report'
  | 'media'
  | 'websocket'
  | 'other';

export interface DnrHeaderAction {
  header: string;
  operation: 'remove' | 'set';
  value?: string;
}

export interface DnrRule {
  id: number;
  priority: number;
  action:
    | { type: 'block' }
    | { type: 'allow' }
    | { type: 'modifyHeaders'; requestHeaders?: DnrHeaderAction[]; responseHeaders?: DnrHeaderAction[] };
  condition: {
    urlFilter?: string;
    requestDomains?: string[];
    initiatorDomains?: string[];
    resourceTypes?: DnrResourceType[];
  };
}

/** One contentSettings.cookies rule (Chromium): primary = the cookie's site, secondary = the top-level page. */
export interface CookieContentSetting {
  primaryPattern: string;
  secondaryPattern?: string;
  setting: 'allow' | 'block';
}

/** What a matched rule stopped, for the popup's "blocked on this page" counts. */
export type RuleLabel =
  | { kind: 'beacons' }
  | { kind: 'organisation'; name: string }
  | { kind: 'host'; host: string };

export interface BlockingPlan {
  rules: DnrRule[];
  /** Labels of the rules that block requests, by rule id. */
  labels: Record<number, RuleLabel>;
  contentSettings: CookieContentSetting[];
  /** Register the MAIN-world script that sets navigator.globalPrivacyControl. */
  gpcScript: boolean;
  /** Register the MAIN-world script that reports the document.cookie writes the browser refuses. */
  cookieAttemptsScript: boolean;
}

export const SMARTERGO_CONTENT_PATTERN = `*://*.${SMARTERGO_DOMAIN}/*`;
export const ALL_URLS = '<all_urls>';

/** Rule ids: fixed for the switches, ranges for the lists. */
export const RULE_ID = {
  cookiesNavigation: 1,
  cookiesSubresources: 2,
  gpcNavigation: 3,
  gpcSubresources: 4,
  beacons: 10,
  /** + the organisation's index in ORGANISATIONS. */
  organisationBlock: 1_000,
  organisationAllow: 3_000,
  /** + the index of the path entry in ORGANISATION_PATHS. */
  organisationPath: 5_000,
  /** + the host's index among the host choices, sorted. */
  host: 7_000,
} as const;

export const PRIORITY = { block: 1, organisationAllow: 2, host: 3 } as const;

export const SUBRESOURCE_TYPES: readonly DnrResourceType[] = [
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'other',
];

export interface Organisation {
  name: string;
  /** Hosts (each matches its subdomains too). */
  domains: string[];
  /** "host/path" entries, blocked with a urlFilter. */
  paths: string[];
}

/** Tracker organisations, one entry per name (the data lists some organisations several times), sorted. */
export function organisationsOf(data: readonly TrackerOrganisation[]): Organisation[] {
  const byName = new Map<string, Organisation>();
  for (const entry of data) {
    let org = byName.get(entry.organisation);
    if (!org) byName.set(entry.organisation, (org = { name: entry.organisation, domains: [], paths: [] }));
    for (const rule of entry.domains) (rule.includes('/') ? org.paths : org.domains).push(rule);
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Every organisation the classifier can name (the hand list and the generated data), so
 * what the popup shows as blocked is what the rules block.
 */
export const ORGANISATIONS: readonly Organisation[] = organisationsOf([
  ...TRACKER_ORGANISATIONS,
  ...GENERATED_TRACKERS.map(([organisation, category, domains]) => ({ organisation, category, domains: domains.split(' ') })),
]);

const fromSmartErgo = (): { initiatorDomains: string[] } => ({ initiatorDomains: [SMARTERGO_DOMAIN] });

/** A header rule for SmartErgo's own requests: one for navigations, one for what SmartErgo pages load. */
function smartErgoHeaderRules(
  ids: readonly [number, number],
  action: Extract<DnrRule['action'], { type: 'modifyHeaders' }>,
): DnrRule[] {
  return [
    {
      id: ids[0],
      priority: PRIORITY.block,
      action,
      condition: { requestDomains: [SMARTERGO_DOMAIN], resourceTypes: ['main_frame'] },
    },
    {
      id: ids[1],
      priority: PRIORITY.block,
      action,
      condition: { requestDomains: [SMARTERGO_DOMAIN], ...fromSmartErgo(), resourceTypes: [...SUBRESOURCE_TYPES] },
    },
  ];
}

const hostLabels = (host: string): number => host.split('.').length;

export function planBlocking(settings: BlockingSettings, organisations: readonly Organisation[] = ORGANISATIONS): BlockingPlan {
  const rules: DnrRule[] = [];
  const labels: Record<number, RuleLabel> = {};
  const { cookies } = settings;

  if (cookies.all) {
    rules.push(
      ...smartErgoHeaderRules([RULE_ID.cookiesNavigation, RULE_ID.cookiesSubresources], {
        type: 'modifyHeaders',
        requestHeaders: [{ header: 'cookie', operation: 'remove' }],
        responseHeaders: [{ header: 'set-cookie', operation: 'remove' }],
      }),
    );
  }
  if (settings.gpc) {
    rules.push(
      ...smartErgoHeaderRules([RULE_ID.gpcNavigation, RULE_ID.gpcSubresources], {
        type: 'modifyHeaders',
        requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }],
      }),
    );
  }
  if (settings.beacons) {
    // sendBeacon and <a ping> are both "ping" to declarativeNetRequest, first or third party.
    rules.push({ id: RULE_ID.beacons, priority: PRIORITY.block, action: { type: 'block' }, condition: { ...fromSmartErgo(), resourceTypes: ['ping'] } });
    labels[RULE_ID.beacons] = { kind: 'beacons' };
  }

  let pathIndex = 0;
  organisations.forEach((org, index) => {
    const choice = settings.trackers[orgTarget(org.name)];
    const blocked = choice === 'block' || (settings.beacons && choice !== 'allow');
    if (blocked) {
      if (org.domains.length > 0) {
        const id = RULE_ID.organisationBlock + index;
        rules.push({ id, priority: PRIORITY.block, action: { type: 'block' }, condition: { requestDomains: [...org.domains], ...fromSmartErgo() } });
        labels[id] = { kind: 'organisation', name: org.name };
      }
      org.paths.forEach((path, i) => {
        const id = RULE_ID.organisationPath + pathIndex + i;
        rules.push({ id, priority: PRIORITY.block, action: { type: 'block' }, condition: { urlFilter: `||${path}`, ...fromSmartErgo() } });
        labels[id] = { kind: 'organisation', name: org.name };
      });
    } else if (choice === 'allow' && org.domains.length > 0) {
      // Wins over the beacons rule, so the organisation's sendBeacon calls go through too.
      rules.push({
        id: RULE_ID.organisationAllow + index,
        priority: PRIORITY.organisationAllow,
        action: { type: 'allow' },
        condition: { requestDomains: [...org.domains], ...fromSmartErgo() },
      });
    }
    pathIndex += org.paths.length;
  });

  const hostChoices = (Object.entries(settings.trackers) as [TrackerTarget, TrackerChoice][])
    .filter(([target]) => target.startsWith('host:'))
    .map(([target, choice]) => [target.slice('host:'.length), choice] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  hostChoices.forEach(([host, choice], index) => {
    const id = RULE_ID.host + index;
    // A more specific host wins over its parent (more labels, higher priority).
    rules.push({
      id,
      priority: PRIORITY.host + hostLabels(host),
      action: { type: choice },
      condition: { requestDomains: [host], ...fromSmartErgo() },
    });
    if (choice === 'block') labels[id] = { kind: 'host', host };
  });

  return {
    rules,
    labels,
    contentSettings: cookieContentSettings(settings),
    gpcScript: settings.gpc,
    cookieAttemptsScript: settings.cookies.all,
  };
}

function cookieContentSettings(settings: BlockingSettings): CookieContentSetting[] {
  const { all, thirdParty } = settings.cookies;
  const out: CookieContentSetting[] = [];
  // SmartErgo's cookies, wherever the page is: no Cookie header, no Set-Cookie, no document.cookie.
  if (all) out.push({ primaryPattern: SMARTERGO_CONTENT_PATTERN, setting: 'block' });
  if (all || thirdParty) {
    // Any site's cookies while the top-level page is SmartErgo's...
    out.push({ primaryPattern: ALL_URLS, secondaryPattern: SMARTERGO_CONTENT_PATTERN, setting: 'block' });
    // ...except SmartErgo's own, when only third parties are blocked (the more specific pattern wins).
    if (!all) out.push({ primaryPattern: SMARTERGO_CONTENT_PATTERN, secondaryPattern: SMARTERGO_CONTENT_PATTERN, setting: 'allow' });
  }
  return out;
}
