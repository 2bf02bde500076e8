/**
 * The three request classifiers the benchmark compares, behind one shape. Each starts
 * from the same raw details ({url, type, sourceUrl}) and does everything it needs to
 * decide about a request, URL parsing included: PolicyLens's `classifyRequest`
 * (resource type → kind, first/third party, tracker lookup, kind, stored URL),
 * @ghostery/adblocker (`Request.fromRawDetails` + `engine.match`) and
 * @gorhill/ubo-core (`matchRequest`), both with EasyPrivacy loaded.
 *
 * Each engine gets its own batch loop, so the timed call site is monomorphic for each
 * of them; the harness only calls `batch(start, end)` once per N requests.
 */
import type { RawRequest } from '../lib/corpus';

export const ENGINE_NAMES = ['policylens', 'ghostery', 'ubo'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export const ENGINE_LABELS: Record<EngineName, string> = {
  policylens: 'PolicyLens classifyRequest',
  ghostery: '@ghostery/adblocker',
  ubo: '@gorhill/ubo-core',
};

export interface Engine {
  name: EngineName;
  /**
   * Classifies requests [start, end) of the prepared corpus; returns how many of them
   * it matched (a tracker named, or a filter hit), which also keeps the work observable.
   */
  batch(start: number, end: number): number;
}

/** A loaded engine: code imported, lists parsed, data compiled; `prepare` makes its inputs. */
export interface LoadedEngine {
  name: EngineName;
  prepare(corpus: readonly RawRequest[]): Engine;
}

/**
 * Loads an engine: every one is imported dynamically here, so a memory measurement
 * taken around this call holds its code, its data and its compiled structures
 * (PolicyLens's tracker index compiles on first use, so it is compiled here).
 */
export async function loadEngine(name: EngineName, easyPrivacy: string): Promise<LoadedEngine> {
  switch (name) {
    case 'policylens':
      return policyLens();
    case 'ghostery':
      return ghostery(easyPrivacy);
    case 'ubo':
      return ubo(easyPrivacy);
  }
}

async function policyLens(): Promise<LoadedEngine> {
  const { classifyRequest, requestKindFromResourceType } = await import('../../src/core/classify/requests');
  // The tracker index compiles on first use: compile it here, so "loaded" includes it.
  const { TRACKERS } = await import('../../src/core/classify/trackers');
  if (TRACKERS.size === 0) throw new Error('bench: the tracker index is empty');
  return {
    name: 'policylens',
    prepare(corpus) {
      const inputs = corpus.map((r) => ({ url: r.url, type: r.type, sourceUrl: r.sourceUrl }));
      return {
        name: 'policylens',
        batch(start, end) {
          let hits = 0;
          for (let i = start; i < end; i++) {
            const r = inputs[i]!;
            const c = classifyRequest({ url: r.url, kind: requestKindFromResourceType(r.type), pageUrl: r.sourceUrl });
            if (c !== null && c.tracker !== undefined) hits++;
          }
          return hits;
        },
      };
    },
  };
}

async function ghostery(list: string): Promise<LoadedEngine> {
  const { FiltersEngine, Request } = await import('@ghostery/adblocker');
  // Network filters only: the side-by-side is about requests (EasyPrivacy has few cosmetic rules anyway).
  const engine = FiltersEngine.parse(list, { loadCosmeticFilters: false });
  type Details = Parameters<typeof Request.fromRawDetails>[0];
  return {
    name: 'ghostery',
    prepare(corpus) {
      // The corpus's types are Ghostery's own spelling, so they pass through as they are.
      const inputs: Details[] = corpus.map((r) => ({ url: r.url, type: r.type as Details['type'], sourceUrl: r.sourceUrl }));
      return {
        name: 'ghostery',
        batch(start, end) {
          let hits = 0;
          for (let i = start; i < end; i++) {
            if (engine.match(Request.fromRawDetails(inputs[i]!)).match) hits++;
          }
          return hits;
        },
      };
    },
  };
}

/** uBO's type names (webRequest's) for the corpus's Ghostery spellings. */
const UBO_TYPES: Readonly<Record<string, string>> = {
  xhr: 'xmlhttprequest',
  fetch: 'xmlhttprequest',
  // The corpus's "document" requests are frames (uBO blocks main_frame only with $document);
  // as sub_frame, uBO matches exactly the requests Ghostery matches (1,962).
  document: 'sub_frame',
};

async function ubo(list: string): Promise<LoadedEngine> {
  // Typed in ./ubo-core.d.ts (the package ships no types).
  const { StaticNetFilteringEngine } = await import('@gorhill/ubo-core');
  const engine = await StaticNetFilteringEngine.create();
  await engine.useLists([{ name: 'easyprivacy', raw: list }]);
  return {
    name: 'ubo',
    prepare(corpus) {
      const inputs = corpus.map((r) => ({ originURL: r.sourceUrl, url: r.url, type: UBO_TYPES[r.type] ?? r.type }));
      return {
        name: 'ubo',
        batch(start, end) {
          let hits = 0;
          for (let i = start; i < end; i++) {
            // 1: blocked, 2: allowed by an exception filter, 0: no filter matched.
            if (engine.matchRequest(inputs[i]!) === 1) hits++;
          }
          return hits;
        },
      };
    },
  };
}
