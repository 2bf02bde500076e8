/**
 * Page behaviour observations (storage, forms, leaks, fingerprinting, recording,
 * consent banners) turned into findings: one id per thing, and how a second
 * sighting of the same thing merges into the first. Pure; the pipeline calls it.
 */
import type {
  ConsentFinding,
  FingerprintFinding,
  FormFieldKind,
  FormFinding,
  LeakFinding,
  PageBehaviourFinding,
  PageBehaviourObservation,
  PersonalDataKind,
  RecordingFinding,
  StorageFinding,
  TrackerInfo,
} from '../model';
import { FINGERPRINT_TECHNIQUES, LEAK_CARRIERS, LEAK_ENCODINGS, PERSONAL_DATA_KINDS, RECORDING_SIGNALS, UNLISTED_FORM_FIELDS } from '../model';
import type { TrackerIndex } from './trackers';
import { partyOf } from './party';
import { classifyStorageKey } from './storage';

type Unmatched<F> = Omit<F, 'id' | 'firstSeen' | 'lastSeen' | 'count' | 'sightings' | 'match'>;
export type UnmatchedBehaviour = Unmatched<PageBehaviourFinding>;

export interface BehaviourClassification {
  id: string;
  finding: UnmatchedBehaviour;
}

const PERSONAL_DATA_ORDER = PERSONAL_DATA_KINDS;
const FORM_FIELD_ORDER: readonly FormFieldKind[] = [...PERSONAL_DATA_ORDER, ...UNLISTED_FORM_FIELDS];

/** Distinct members of `values` that `order` knows, in `order`'s order (so stored lists compare and diff cleanly). */
export function ordered<T>(order: readonly T[], ...values: readonly (readonly T[] | undefined)[]): T[] {
  const present = new Set(values.flatMap((v) => v ?? []));
  return order.filter((item) => present.has(item));
}

export const isListedKind = (kind: FormFieldKind): kind is PersonalDataKind =>
  (PERSONAL_DATA_ORDER as readonly string[]).includes(kind);

interface Where {
  host: string;
  path: string;
  secure: boolean;
}

function where(url: string | undefined, pageUrl: string): Where | null {
  try {
    const parsed = new URL(url || pageUrl, pageUrl);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    return { host: parsed.hostname.toLowerCase(), path: parsed.pathname || '/', secure: parsed.protocol === 'https:' };
  } catch {
    return null;
  }
}

function pageHostOf(pageUrl: string): string {
  try {
    return new URL(pageUrl).hostname.toLowerCase();
  } catch {
    return '';
  }
}

const withTracker = <T extends object>(finding: T, tracker: TrackerInfo | undefined): T =>
  tracker ? { ...finding, tracker } : finding;

const METHODS = ['get', 'post', 'dialog'] as const;

/** What an observation is, as an unmatched finding with its id; null when it names nothing we can place. */
export function classifyBehaviour(
  observation: PageBehaviourObservation,
  pageUrl: string,
  trackers: TrackerIndex | undefined,
): BehaviourClassification | null {
  const pageHost = pageHostOf(pageUrl);
  switch (observation.source) {
    case 'storage': {
      const finding: Unmatched<StorageFinding> = {
        kind: 'storage',
        area: observation.area,
        key: observation.key,
        host: pageHost,
        party: 'first-party',
        valueLength: observation.valueLength,
        identifier: observation.identifier,
        ...classifyStorageKey(observation.key),
        personalData: ordered(PERSONAL_DATA_ORDER, observation.personalData),
      };
      return { id: `storage:${observation.area}:${observation.key}`, finding };
    }
    case 'form': {
      const target = where(observation.action, pageUrl);
      if (!target) return null;
      const fields = ordered(FORM_FIELD_ORDER, observation.fields);
      if (fields.length === 0) return null;
      const method = METHODS.find((m) => m === observation.method.toLowerCase()) ?? 'get';
      const finding: Unmatched<FormFinding> = {
        kind: 'form',
        host: target.host,
        path: target.path,
        party: partyOf(target.host, pageHost),
        secure: target.secure,
        method,
        fields,
        personalData: fields.filter(isListedKind),
      };
      return { id: `form:${target.host}${target.path}`, finding: withTracker(finding, trackers?.lookup(target.host, target.path)) };
    }
    case 'leak': {
      const target = where(observation.url, pageUrl);
      if (!target || observation.items.length === 0) return null;
      const finding: Unmatched<LeakFinding> = {
        kind: 'leak',
        host: target.host,
        path: target.path,
        party: partyOf(target.host, pageHost),
        personalData: ordered(PERSONAL_DATA_ORDER, observation.items.map((i) => i.kind)),
        encodings: ordered(LEAK_ENCODINGS, observation.items.map((i) => i.encoding)),
        carriers: [observation.carrier],
      };
      return { id: `leak:${target.host}${target.path}`, finding: withTracker(finding, trackers?.lookup(target.host, target.path)) };
    }
    case 'fingerprint':
    case 'recording': {
      const script = observation.scriptUrl ? where(observation.scriptUrl, pageUrl) : null;
      const host = script?.host ?? pageHost;
      const base = { host, party: partyOf(host, pageHost), personalData: [] };
      const tracker = script ? trackers?.lookup(script.host, script.path) : undefined;
      if (observation.source === 'fingerprint') {
        const finding: Unmatched<FingerprintFinding> = {
          kind: 'fingerprint',
          ...base,
          techniques: ordered(FINGERPRINT_TECHNIQUES, observation.techniques),
        };
        if (finding.techniques.length === 0) return null;
        return { id: `fingerprint:${host}`, finding: withTracker(finding, tracker) };
      }
      const finding: Unmatched<RecordingFinding> = {
        kind: 'recording',
        ...base,
        signals: ordered(RECORDING_SIGNALS, observation.signals),
      };
      if (finding.signals.length === 0) return null;
      return { id: `recording:${host}`, finding: withTracker(finding, tracker) };
    }
    case 'consent': {
      const finding: Unmatched<ConsentFinding> = {
        kind: 'consent',
        tool: observation.tool,
        answer: observation.answer,
        trackingBeforeAnswer: [],
        host: pageHost,
        party: 'first-party',
        personalData: [],
      };
      return { id: `consent:${observation.tool || 'banner'}`, finding };
    }
  }
}

/** A second sighting of the same thing: lists grow, flags once true stay true, the newest sizes win. */
export function mergeBehaviour(existing: PageBehaviourFinding, next: UnmatchedBehaviour, now: number): PageBehaviourFinding {
  switch (existing.kind) {
    case 'storage': {
      const n = next as Unmatched<StorageFinding>;
      return {
        ...existing,
        valueLength: n.valueLength,
        identifier: existing.identifier || n.identifier,
        personalData: ordered(PERSONAL_DATA_ORDER, existing.personalData, n.personalData),
      };
    }
    case 'form': {
      const n = next as Unmatched<FormFinding>;
      const fields = ordered(FORM_FIELD_ORDER, existing.fields, n.fields);
      return { ...existing, secure: existing.secure && n.secure, fields, personalData: fields.filter(isListedKind) };
    }
    case 'leak': {
      const n = next as Unmatched<LeakFinding>;
      return {
        ...existing,
        personalData: ordered(PERSONAL_DATA_ORDER, existing.personalData, n.personalData),
        encodings: ordered(LEAK_ENCODINGS, existing.encodings, n.encodings),
        carriers: ordered(LEAK_CARRIERS, existing.carriers, n.carriers),
      };
    }
    case 'fingerprint': {
      const n = next as Unmatched<FingerprintFinding>;
      return { ...existing, techniques: ordered(FINGERPRINT_TECHNIQUES, existing.techniques, n.techniques) };
    }
    case 'recording': {
      const n = next as Unmatched<RecordingFinding>;
      return { ...existing, signals: ordered(RECORDING_SIGNALS, existing.signals, n.signals) };
    }
    case 'consent': {
      const n = next as Unmatched<ConsentFinding>;
      // The first answer is the one that counts: what happened before it is fixed then.
      if (existing.answer !== 'none' || n.answer === 'none') return existing;
      return { ...existing, answer: n.answer, answeredAt: now };
    }
  }
}
