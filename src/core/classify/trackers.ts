/**
 * The tracker index: tracker data compiled, once at module load, into a Map from
 * host to what it is. A lookup walks the host's suffixes from the most specific
 * ("a.b.example.com", "b.example.com", "example.com"; never the bare TLD) and
 * returns the first hit, so a subdomain entry overrides its parent's. No regex, no
 * scan over the list: a few Map lookups per request, whatever the list's size.
 *
 * Entries with a path ("google.com/pagead") hang off their host and are tried
 * before that host's own entry, only when the caller passes the request's path.
 * The walk's result is memoised per host (bounded), so a page's repeated hosts
 * cost one Map lookup.
 */
import type { TrackerInfo } from '../model';
import { TRACKER_ORGANISATIONS, type TrackerOrganisation } from '../../data/trackers';
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
}

const WALK_CACHE_LIMIT = 4096;

const VALID_RULE = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/[^\s?#]*[^\s?#/])?$/;

/** Compiles tracker data; throws on a malformed or duplicate entry (caught by the unit tests, never at run time). */
export function createTrackerIndex(data: readonly TrackerOrganisation[]): TrackerIndex {
  const hosts = new Map<string, HostEntry>();
  let size = 0;
  for (const org of data) {
    for (const rule of org.domains) {
      if (!VALID_RULE.test(rule)) throw new Error(`tracker data: malformed domain "${rule}" (${org.organisation})`);
      const info: TrackerInfo = Object.freeze({ organisation: org.organisation, category: org.category, domain: rule });
      const slash = rule.indexOf('/');
      const host = slash < 0 ? rule : rule.slice(0, slash);
      let entry = hosts.get(host);
      if (!entry) hosts.set(host, (entry = {}));
      if (slash < 0) {
        if (entry.info) throw new Error(`tracker data: "${rule}" is listed twice (${entry.info.organisation}, ${org.organisation})`);
        entry.info = info;
      } else {
        const prefix = rule.slice(slash);
        entry.paths ??= [];
        if (entry.paths.some(([p]) => p === prefix)) throw new Error(`tracker data: "${rule}" is listed twice`);
        entry.paths.push([prefix, info]);
        entry.paths.sort((a, b) => b[0].length - a[0].length);
      }
      size++;
    }
  }

  function matchPath(entry: HostEntry, path: string): TrackerInfo | undefined {
    for (const [prefix, info] of entry.paths!) {
      if (path.startsWith(prefix) && (path.length === prefix.length || path.charCodeAt(prefix.length) === 47 /* / */)) {
        return info;
      }
    }
    return undefined;
  }

  /** The entries on a host's suffix walk, most specific first: computed once per host. */
  const NONE: readonly HostEntry[] = [];
  const walks = new Map<string, readonly HostEntry[]>();
  function walk(host: string): readonly HostEntry[] {
    let hits = walks.get(host);
    if (hits !== undefined) return hits;
    let h = normaliseHost(host);
    let found: HostEntry[] | undefined;
    for (let dot = h.indexOf('.'); dot >= 0; dot = h.indexOf('.')) {
      const entry = hosts.get(h);
      if (entry !== undefined) {
        (found ??= []).push(entry);
        if (entry.info) break; // nothing above a host entry can win
      }
      h = h.slice(dot + 1);
    }
    hits = found ?? NONE;
    if (walks.size >= WALK_CACHE_LIMIT) walks.clear();
    walks.set(host, hits);
    return hits;
  }

  return {
    size,
    lookup(host: string, path?: string): TrackerInfo | undefined {
      for (const entry of walk(host)) {
        if (entry.paths !== undefined && path !== undefined) {
          const byPath = matchPath(entry, path);
          if (byPath) return byPath;
        }
        if (entry.info) return entry.info;
      }
      return undefined;
    },
  };
}

/** PolicyLens's tracker list (src/data/trackers.ts), compiled. */
export const TRACKERS: TrackerIndex = createTrackerIndex(TRACKER_ORGANISATIONS);
