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
 * "www.bbc.co.uk"): every rule is filed under its own last two labels. Before any
 * Map lookup, a hash of the last two labels, read in place from the end of the host,
 * is tested against a 64-kbit filter of the rules' last two labels: a host no rule
 * ends in (most third parties that are not trackers) is answered there, without
 * slicing a string. There is no per-host cache to fill or to thrash.
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
  const filter = new Uint32Array((1 << FILTER_BITS) >>> 5);
  for (const key of tails.keys()) {
    const bit = tailHash(key, key.length);
    filter[bit >>> 5]! |= 1 << (bit & 31);
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
      // A trailing dot or IPv6 brackets: normalise first, then read the labels.
      const last = host.charCodeAt(host.length - 1);
      const read = last === 46 || last === 93 ? normaliseHost(host) : host;
      const bit = tailHash(read, read.length);
      if (bit < 0 || (filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return undefined;
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
