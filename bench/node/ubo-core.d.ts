/** The part of @gorhill/ubo-core's API the benchmark uses (the package ships no types). */
declare module '@gorhill/ubo-core' {
  export interface MatchDetails {
    originURL: string;
    url: string;
    /** webRequest's resource type names: script, image, xmlhttprequest, sub_frame... */
    type: string;
  }
  export class StaticNetFilteringEngine {
    static create(options?: { noPSL?: boolean }): Promise<StaticNetFilteringEngine>;
    useLists(lists: Array<{ name?: string; raw: string } | Promise<{ name?: string; raw: string }>>): Promise<void>;
    /** 0: no filter matched, 1: blocked, 2: allowed by an exception filter. */
    matchRequest(details: MatchDetails): 0 | 1 | 2;
  }
}
