/**
 * The tracker index: tracker data compiled, once on first use, into a Map from host
 * to what it is. A lookup walks the host's suffixes from the most specific
 * ("a.b.example.com", "b.example.com", "example.com"; never the bare TLD) and
 * returns the first hit, so a subdomain entry overrides its parent's. No regex, no
 * scan over the list: a few Map lookups per request, whatever the list's size.
 *
 * Two sources: the generated table (trackers.generated.ts, from a public data set)
 * and the hand-compiled list (trackers.ts), which wins where both name a host.
 *
 * Before any Map lookup, a hash of the host's last two labels ("example.com", or
 * "co.uk" for "www.bbc.co.uk"), read in place from the end of the host, is tested
 * against a 64-kbit filter of the rules' last two labels: a host no rule ends in
 * (most third parties that are not trackers) is answered there, without slicing a
 * string. There is no per-host cache to fill or to thrash.
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

/** A host with path rules ("google.com/pagead"): its paths, longest first, and its own entry if any. */
interface PathHost {
  paths: Array<[prefix: string, info: TrackerInfo]>;
  info: TrackerInfo | undefined;
}

/** What the index holds per host: most hosts hold their TrackerInfo itself (no wrapper object). */
type Entry = TrackerInfo | PathHost;

const isPathHost = (entry: Entry): entry is PathHost => (entry as Partial<PathHost>).paths !== undefined;

const VALID_RULE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s?#]*[^\s?#/])?$/;

/** Bits of the last-two-labels filter: 2^16 (8 KB); ~1,700 keys set about 2.6% of them. */
const FILTER_BITS = 16;

/**
 * FNV-1a over the last two labels of `host`, read backwards from `end` (exclusive),
 * lower-casing A-Z; -1 for a single label (never a rule). Upper case is folded here so
 * that "WWW.Example.COM" needs no normalising to be rejected.
 */
function tailHash(host: string, end: number): number {
  let x = 0x811c9dc5;
  let dots = 0;
  for (let i = end - 1; i >= 0; i--) {
    const c = host.charCodeAt(i);
    if (c === 46 && ++dots === 2) break;
    x = Math.imul(x ^ (c >= 65 && c <= 90 ? c | 32 : c), 0x01000193);
  }
  return dots === 0 ? -1 : x >>> (32 - FILTER_BITS);
}

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
  const hosts = new Map<string, Entry>();
  /** Hosts whose entry came from the generated rows (build time only): a hand entry may replace it. */
  const fromGenerated = new Set<string>();
  let size = 0;

  function add(organisation: string, category: TrackerCategory, rule: string, isGenerated: boolean): void {
    if (!VALID_RULE.test(rule)) throw new Error(`tracker data: malformed domain "${rule}" (${organisation})`);
    const info: TrackerInfo = Object.freeze({ organisation, category, domain: rule });
    const slash = rule.indexOf('/');
    const host = slash < 0 ? rule : rule.slice(0, slash);
    const entry = hosts.get(host);
    if (slash < 0) {
      const existing = entry === undefined ? undefined : isPathHost(entry) ? entry.info : entry;
      if (existing !== undefined) {
        if (isGenerated || !fromGenerated.has(host)) {
          throw new Error(`tracker data: "${rule}" is listed twice (${existing.organisation}, ${organisation})`);
        }
        fromGenerated.delete(host); // a hand entry replaces a generated one
        size--;
      }
      if (isGenerated) fromGenerated.add(host);
      if (entry !== undefined && isPathHost(entry)) entry.info = info;
      else hosts.set(host, info);
    } else {
      const prefix = rule.slice(slash);
      let pathHost: PathHost;
      if (entry === undefined || !isPathHost(entry)) hosts.set(host, (pathHost = { paths: [], info: entry }));
      else pathHost = entry;
      if (pathHost.paths.some(([p]) => p === prefix)) throw new Error(`tracker data: "${rule}" is listed twice`);
      pathHost.paths.push([prefix, info]);
      pathHost.paths.sort((x, y) => y[0].length - x[0].length);
    }
    size++;
  }

  for (const [organisation, category, domains] of generated) {
    for (const rule of domains.split(' ')) add(organisation, category, rule, true);
  }
  for (const org of data) for (const rule of org.domains) add(org.organisation, org.category, rule, false);

  // The filter of every rule's last two labels.
  const filter = new Uint32Array((1 << FILTER_BITS) >>> 5);
  for (const host of hosts.keys()) {
    const bit = tailHash(host, host.length);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }

  function match(entry: Entry, path: string | undefined): TrackerInfo | undefined {
    if (!isPathHost(entry)) return entry;
    if (path !== undefined) {
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
      // A trailing dot or IPv6 brackets: normalise first, then read the labels.
      const last = host.charCodeAt(host.length - 1);
      const read = last === 46 || last === 93 ? normaliseHost(host) : host;
      const bit = tailHash(read, read.length);
      if (bit < 0 || (filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return undefined;
      // Walk the suffixes, most specific first: "a.b.example.com", "b.example.com", "example.com".
      const h = normaliseHost(host);
      const start = tailStart(h);
      for (let i = 0; ; i = h.indexOf('.', i) + 1) {
        const entry = hosts.get(i === 0 ? h : h.slice(i));
        if (entry !== undefined) {
          const info = match(entry, path);
          if (info !== undefined) return info;
        }
        if (i >= start) return undefined;
      }
    },
  };
}

/**
 * An index compiled on first use, not when the module loads: the service worker
 * imports this before it registers its listeners, and compiling ~2,200 rules takes a
 * few milliseconds (more on a cold, busy worker) that a wake-up for a message from
 * the popup does not need.
 */
export function lazyTrackerIndex(compile: () => TrackerIndex): TrackerIndex {
  let index: TrackerIndex | undefined;
  const compiled = (): TrackerIndex => {
    index ??= compile();
    lazy.lookup = index.lookup; // from now on, calls go straight to the compiled lookup
    return index;
  };
  const lazy = {
    lookup: (host: string, path?: string): TrackerInfo | undefined => compiled().lookup(host, path),
    get size(): number {
      return compiled().size;
    },
  };
  return lazy;
}

/** PolicyLens's tracker data (src/data/trackers.generated.ts overridden by src/data/trackers.ts), compiled on first use. */
export const TRACKERS: TrackerIndex = lazyTrackerIndex(() => createTrackerIndex(TRACKER_ORGANISATIONS, GENERATED_TRACKERS));
