/**
 * The tracker index: tracker data compiled, once at module load, into Maps from host
 * to what it is. A lookup walks the host's suffixes from the most specific
 * ("a.b.example.com", "b.example.com", "example.com"; never the bare TLD) and
 * returns the first hit, so a subdomain entry overrides its parent's. No regex, no
 * scan over the list: a few Map lookups per request, whatever the list's size.
 *
 * Two sources: the generated table (trackers.generated.ts, from a public data set)
 * and the hand-compiled list (trackers.ts), which wins where both name a host.
 *
 * The walk starts from the host's last two labels ("example.com", or "co.uk" for
 * "www.bbc.co.uk"): every rule is filed under its own last two labels, so a host whose
 * last two labels no rule has (most third parties that are not trackers) costs one
 * Map lookup, with no per-host cache to fill or to thrash.
 *
 * Entries with a path ("google.com/pagead") hang off their host and are tried
 * before that host's own entry, only when the caller passes the request's path.
 */
import type { TrackerCategory, TrackerInfo } from '../model';
import { TRACKER_ORGANISATIONS, type TrackerOrganisation } from '../../data/trackers';
import { GENERATED_TRACKERS, type GeneratedTrackerRow } from '../../data/trackers.generated';
import { normaliseHost } from './host';

export interface TrackerIndex {
  /**
   * What tracker `host` belongs to, if any (any case, trailing dot allowed).
   * Pass the URL path to also match path entries.
   */
  lookup(host: string, path?: string): TrackerInfo | undefined;
  /** Number of host and path entries, for tests and diagnostics. */
  readonly size: number;
}

interface HostEntry {
  info?: TrackerInfo;
  /** [path prefix without trailing slash, info], longest prefix first. */
  paths?: Array<[string, TrackerInfo]>;
  /** The entry came from the generated table: a hand entry for the same host replaces it. */
  generated?: boolean;
}

/** Under each last-two-labels key: that host's own entry (if any), and whether longer rules end in it. */
interface Tail {
  entry: HostEntry | undefined;
  deeper: boolean;
}

const VALID_RULE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s?#]*[^\s?#/])?$/;

/** Where the last two labels of `host` start (0 when it has fewer than three). */
function tailStart(host: string): number {
  const last = host.lastIndexOf('.');
  return last <= 0 ? 0 : host.lastIndexOf('.', last - 1) + 1;
}

/**
 * Compiles tracker data; throws on a malformed or duplicate entry (caught by the unit
 * tests, never at run time). `generated` rows lose to `data` on the same host.
 */
export function createTrackerIndex(data: readonly TrackerOrganisation[], generated: readonly GeneratedTrackerRow[] = []): TrackerIndex {
  const hosts = new Map<string, HostEntry>();
  let size = 0;

  function add(organisation: string, category: TrackerCategory, rule: string, fromGenerated: boolean): void {
    if (!VALID_RULE.test(rule)) throw new Error(`tracker data: malformed domain "${rule}" (${organisation})`);
    const info: TrackerInfo = Object.freeze({ organisation, category, domain: rule });
    const slash = rule.indexOf('/');
    const host = slash < 0 ? rule : rule.slice(0, slash);
    let entry = hosts.get(host);
    if (!entry) hosts.set(host, (entry = {}));
    if (slash < 0) {
      if (entry.info && !(entry.generated && !fromGenerated)) {
        throw new Error(`tracker data: "${rule}" is listed twice (${entry.info.organisation}, ${organisation})`);
      }
      if (entry.info) size--; // a hand entry replaces a generated one
      entry.info = info;
      entry.generated = fromGenerated;
    } else {
      const prefix = rule.slice(slash);
      entry.paths ??= [];
      if (entry.paths.some(([p]) => p === prefix)) throw new Error(`tracker data: "${rule}" is listed twice`);
      entry.paths.push([prefix, info]);
      entry.paths.sort((a, b) => b[0].length - a[0].length);
    }
    size++;
  }

  for (const [organisation, category, domains] of generated) {
    for (const rule of domains.split(' ')) add(organisation, category, rule, true);
  }
  for (const org of data) for (const rule of org.domains) add(org.organisation, org.category, rule, false);

  const tails = new Map<string, Tail>();
  for (const [host, entry] of hosts) {
    const start = tailStart(host);
    const key = host.slice(start);
    let tail = tails.get(key);
    if (!tail) tails.set(key, (tail = { entry: undefined, deeper: false }));
    if (start === 0) tail.entry = entry;
    else tail.deeper = true;
  }

  function match(entry: HostEntry, path: string | undefined): TrackerInfo | undefined {
    if (entry.paths !== undefined && path !== undefined) {
      for (const [prefix, info] of entry.paths) {
        if (path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47 /* / */)) {
          return info;
        }
      }
    }
    return entry.info;
  }

  return {
    size,
    lookup(host: string, path?: string): TrackerInfo | undefined {
      const h = normaliseHost(host);
      const start = tailStart(h);
      if (start === 0 && h.indexOf('.') < 0) return undefined; // a bare label: never a rule
      const tail = tails.get(start === 0 ? h : h.slice(start));
      if (tail === undefined) return undefined;
      if (tail.deeper) {
        // Longer suffixes first: "a.b.example.com", then "b.example.com".
        for (let i = 0; i < start; i = h.indexOf('.', i) + 1) {
          const entry = hosts.get(i === 0 ? h : h.slice(i));
          if (entry !== undefined) {
            const info = match(entry, path);
            if (info !== undefined) return info;
          }
        }
      }
      return tail.entry === undefined ? undefined : match(tail.entry, path);
    },
  };
}

/** PolicyLens's tracker data (src/data/trackers.generated.ts overridden by src/data/trackers.ts), compiled. */
export const TRACKERS: TrackerIndex = createTrackerIndex(TRACKER_ORGANISATIONS, GENERATED_TRACKERS);
