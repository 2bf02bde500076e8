/**
 * The one pipeline: Observation -> Finding (classified, deduplicated) -> PolicyMatch.
 * Pure: the clock, the policy and the tracker data come in through the context;
 * the caller (the worker's tab store) decides where the page record is kept.
 */
import { classifyCookie, cookieId } from './classify/cookies';
import {
  classifyRequest,
  requestKindFromInitiator,
  requestKindFromResourceType,
  type RequestClassification,
} from './classify/requests';
import type { TrackerIndex } from './classify/trackers';
import { classifyBehaviour, mergeBehaviour } from './classify/behaviour';
import type {
  CookieData,
  CookieFinding,
  Finding,
  Observation,
  PageBehaviourFinding,
  PageBehaviourObservation,
  PageRecord,
  PersonalDataKind,
  RequestFinding,
} from './model';
import { isTracking, trackingLabel } from './summary';
import type { PolicyModel } from './policy/disclosures';
import { matchFinding, type UnmatchedFinding } from './policy/matcher';

/** A page keeps at most this many distinct findings; beyond it they are counted in `overflow`. */
export const MAX_FINDINGS_PER_PAGE = 2_000;

export interface PipelineContext {
  /** Milliseconds since the epoch. */
  now: number;
  /** The top-level page the observation belongs to. */
  pageUrl: string;
  policy: PolicyModel;
  trackers?: TrackerIndex;
}

export function newPage(tabId: number, url: string, startedAt: number): PageRecord {
  return { tabId, url, startedAt, findings: [], overflow: 0 };
}

/**
 * A page's findings indexed by id, for merging observations quickly. It wraps a
 * PageRecord and mutates it in place; `record` is always the current plain data.
 */
export class PageFindings {
  readonly record: PageRecord;
  private readonly byId = new Map<string, number>();
  /** The page's cookie-banner finding, if it has one. */
  private consentId: string | undefined;

  constructor(record: PageRecord) {
    this.record = record;
    record.findings.forEach((finding, index) => this.byId.set(finding.id, index));
    this.consentId = record.findings.find((f) => f.kind === 'consent')?.id;
  }

  get(id: string): Finding | undefined {
    const index = this.byId.get(id);
    return index === undefined ? undefined : this.record.findings[index];
  }

  /** Replaces findings with smaller versions of themselves (same ids, same place); returns how many changed. */
  rewrite(change: (finding: Finding) => Finding): number {
    let changed = 0;
    this.record.findings.forEach((finding, index) => {
      const next = change(finding);
      if (next === finding) return;
      if (next.id !== finding.id) throw new Error(`rewrite: ${finding.id} may not change its id`);
      this.record.findings[index] = next;
      changed += 1;
    });
    return changed;
  }

  /**
   * Forgets findings to save memory, never without a trace: each one's sightings are added
   * to `overflow`, like those of findings past the per-page bound. Returns the sightings dropped.
   */
  shed(ids: ReadonlySet<string>): number {
    let sightings = 0;
    const kept = this.record.findings.filter((finding) => {
      if (!ids.has(finding.id)) return true;
      sightings += finding.count;
      return false;
    });
    if (kept.length === this.record.findings.length) return 0;
    this.record.findings.splice(0, this.record.findings.length, ...kept);
    this.byId.clear();
    kept.forEach((finding, index) => this.byId.set(finding.id, index));
    this.record.overflow += sightings;
    return sightings;
  }

  /** Folds one observation into the page. Returns the finding it created or changed, if any. */
  observe(observation: Observation, context: PipelineContext): Finding | undefined {
    switch (observation.source) {
      case 'resource-timing':
        return this.observeRequest(
          observation.source,
          classifyRequest(
            {
              url: observation.url,
              kind: observation.sentAs ?? requestKindFromInitiator(observation.initiatorType, observation.looksLikePixel),
              pageUrl: context.pageUrl,
              displayed: observation.looksLikePixel === false,
            },
            context.trackers,
          ),
          context,
        );
      case 'web-request':
        return this.observeRequest(
          observation.source,
          classifyRequest(
            { url: observation.url, kind: requestKindFromResourceType(observation.resourceType), pageUrl: context.pageUrl },
            context.trackers,
          ),
          context,
        );
      case 'cookies-api':
        return this.observeCookieApi(observation.cookie, observation.removed === true, context);
      case 'set-cookie-header':
        return this.observeCookieApi(observation.cookie, false, context, observation.source);
      case 'document-cookie':
        return this.observeDocumentCookie(observation.name, observation.value, context);
      default:
        return this.observeBehaviour(observation, context);
    }
  }

  private observeBehaviour(observation: PageBehaviourObservation, context: PipelineContext): Finding | undefined {
    const classified = classifyBehaviour(observation, context.pageUrl, context.trackers);
    if (!classified) return undefined;
    const existing = this.get(classified.id);
    let result: Finding | undefined;
    if (existing && existing.kind === classified.finding.kind) {
      result = this.replace(mergeBehaviour(existing as PageBehaviourFinding, classified.finding, context.now), observation.source, context);
    } else if (!existing) {
      result = this.add({ id: classified.id, ...classified.finding } as UnmatchedFinding & { id: string }, observation.source, context);
    }
    if (result?.kind === 'consent') return this.refreshConsent(context) ?? result;
    return result;
  }

  /**
   * A consent banner's finding lists the tracking that started before the visitor
   * answered it (all of it while unanswered). Called when the banner is seen or
   * answered, and when new tracking appears while it waits for an answer.
   */
  private refreshConsent(context: PipelineContext): Finding | undefined {
    // Most pages have no banner: one Map lookup, not a scan, on every new tracker.
    const index = this.byId.get(this.consentId ?? '');
    if (index === undefined) return undefined;
    const consent = this.record.findings[index];
    if (!consent || consent.kind !== 'consent') return undefined;
    const until = consent.answeredAt ?? Number.POSITIVE_INFINITY;
    const started = trackingLabels(this.record.findings.filter((f) => f.firstSeen <= until));
    if (sameList(started, consent.trackingBeforeAnswer)) return undefined;
    const updated = { ...consent, trackingBeforeAnswer: started };
    const { id: _id, firstSeen: _f, lastSeen: _l, count: _c, sightings: _s, match: _m, ...unmatched } = updated;
    const matched = { ...updated, match: matchFinding(unmatched, context.policy) };
    this.record.findings[index] = matched;
    return matched;
  }

  private observeRequest(
    source: Observation['source'],
    classified: RequestClassification | null,
    context: PipelineContext,
  ): Finding | undefined {
    if (!classified) return undefined;
    const id = `${classified.kind}:${classified.host}${classified.path}`;
    const existing = this.get(id);
    if (!existing || (existing.kind !== 'beacon' && existing.kind !== 'request')) {
      return this.add({ id, ...classified }, source, context);
    }
    // Resource timing tells sendBeacon from <a ping>; Chromium's webRequest calls both "ping".
    const preferNew = source === 'resource-timing' || !existing.sightings['resource-timing'];
    const personalData = union(existing.personalData, classified.personalData);
    const carriesMore = personalData.length > existing.personalData.length;
    const updated: RequestFinding = {
      ...existing,
      ...(preferNew ? { requestKind: classified.requestKind, tracker: classified.tracker ?? existing.tracker } : {}),
      sampleUrl: carriesMore ? classified.sampleUrl : existing.sampleUrl,
      personalData,
    };
    return this.replace(updated, source, context);
  }

  private observeCookieApi(
    cookie: CookieData,
    removed: boolean,
    context: PipelineContext,
    source: 'cookies-api' | 'set-cookie-header' = 'cookies-api',
  ): Finding | undefined {
    const classified = classifyCookie({ cookie }, context.pageUrl, context.now);
    const id = cookieId(cookie.name, cookie.domain, cookie.path);
    // document.cookie shows no domain: a finding it made is the same cookie, now known in full.
    const guessed = this.findGuessedCookie(cookie.name);
    const previous = this.get(id) ?? guessed;
    if (guessed && guessed.id !== id) this.remove(guessed.id);
    if (!previous) {
      if (removed) return undefined; // never seen on this page; nothing to show
      return this.add({ id, ...classified }, source, context);
    }
    const updated: CookieFinding = {
      ...(previous as CookieFinding),
      ...(removed ? {} : classified),
      id,
      personalData: union((previous as CookieFinding).personalData, classified.personalData),
      removed,
      sightings: { ...previous.sightings },
    };
    if (this.get(id)) return this.replace(updated, source, context);
    return this.add(updated, source, context);
  }

  private observeDocumentCookie(name: string, value: string, context: PipelineContext): Finding | undefined {
    const known = this.record.findings.find((f): f is CookieFinding => f.kind === 'cookie' && f.name === name);
    if (known) {
      const personalData = union(known.personalData, classifyCookie({ documentCookie: { name, value } }, context.pageUrl, context.now).personalData);
      return this.replace({ ...known, personalData }, 'document-cookie', context);
    }
    const classified = classifyCookie({ documentCookie: { name, value } }, context.pageUrl, context.now);
    return this.add({ id: cookieId(name, classified.domain, classified.path), ...classified }, 'document-cookie', context);
  }

  private findGuessedCookie(name: string): CookieFinding | undefined {
    return this.record.findings.find((f): f is CookieFinding => f.kind === 'cookie' && f.name === name && !f.attributesKnown);
  }

  private add(
    unmatched: UnmatchedFinding & { id: string } & Partial<Pick<Finding, 'sightings' | 'firstSeen'>>,
    source: Observation['source'],
    context: PipelineContext,
  ): Finding | undefined {
    if (this.record.findings.length >= MAX_FINDINGS_PER_PAGE) {
      this.record.overflow += 1;
      return undefined;
    }
    const sightings = { ...unmatched.sightings, [source]: (unmatched.sightings?.[source] ?? 0) + 1 };
    const finding = {
      ...unmatched,
      firstSeen: unmatched.firstSeen ?? context.now,
      lastSeen: context.now,
      sightings,
      count: maxCount(sightings),
      match: matchFinding(unmatched, context.policy),
    } as Finding;
    this.byId.set(finding.id, this.record.findings.length);
    this.record.findings.push(finding);
    if (finding.kind === 'consent') this.consentId ??= finding.id;
    if (finding.kind !== 'consent' && isTracking(finding)) this.refreshConsent(context);
    return finding;
  }

  private replace(finding: Finding, source: Observation['source'], context: PipelineContext): Finding {
    const index = this.byId.get(finding.id);
    const sightings = { ...finding.sightings, [source]: (finding.sightings[source] ?? 0) + 1 };
    const { id: _id, firstSeen: _f, lastSeen: _l, count: _c, sightings: _s, match: _m, ...unmatched } = finding;
    const updated = {
      ...finding,
      lastSeen: context.now,
      sightings,
      count: maxCount(sightings),
      match: matchFinding(unmatched as UnmatchedFinding, context.policy),
    } as Finding;
    if (index === undefined) throw new Error(`replace: no finding ${finding.id}`);
    this.record.findings[index] = updated;
    return updated;
  }

  private remove(id: string): void {
    const index = this.byId.get(id);
    if (index === undefined) return;
    this.record.findings.splice(index, 1);
    this.byId.clear();
    this.record.findings.forEach((finding, i) => this.byId.set(finding.id, i));
  }
}

const maxCount = (sightings: Finding['sightings']): number => Math.max(1, ...Object.values(sightings).map((n) => n ?? 0));

const union = (a: readonly PersonalDataKind[], b: readonly PersonalDataKind[]): PersonalDataKind[] =>
  b.every((kind) => a.includes(kind)) ? [...a] : [...new Set([...a, ...b])];

/** At most this many names are listed as tracking that started before a consent answer. */
const MAX_TRACKING_LABELS = 20;

function trackingLabels(findings: readonly Finding[]): string[] {
  const labels = new Set<string>();
  for (const finding of findings) if (isTracking(finding)) labels.add(trackingLabel(finding));
  return [...labels].sort().slice(0, MAX_TRACKING_LABELS);
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
