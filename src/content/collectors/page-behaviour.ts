/**
 * Fingerprinting and session recording, from the counts the page-world script
 * (page-world/behaviour-watch.ts) posts for each calling script. The decision is the
 * pure core's (core/classify/fingerprinting.ts, recording.ts); this validates the
 * message, keeps the latest counts per script, and reports a script's techniques or
 * signals each time their set grows.
 *
 * Any script on the page can post the same message. A forged one can only make the
 * page look worse (a technique or signal it did not use, attributed to a URL of its
 * choosing); it cannot hide what the real wrappers counted, because a script's set of
 * techniques only ever grows here. Reporting a page as worse than it is is the page's
 * own doing, so the message is validated for shape and bounds, not trusted otherwise.
 */
import type { FingerprintObservation, RecordingObservation } from '../../core/model';
import {
  fingerprintTechniques,
  NAVIGATOR_PROPERTIES,
  type CanvasRead,
  type FingerprintUsage,
} from '../../core/classify/fingerprinting';
import { recordingSignals, type RecordingUsage } from '../../core/classify/recording';
import type { BehaviourUsageMessage } from '../page-world/behaviour-watch';
import { MAX_URL_LENGTH } from '../../shared/limits';
import { array, integer, isRecord, literal, object, string, type Validator } from '../../shared/validate';

const MAX_COUNT = Number.MAX_SAFE_INTEGER;
const count = integer(0, MAX_COUNT);
/** More scripts than this on one page are not told apart (the page-world script stops at 64 too). */
const MAX_SCRIPTS = 64;

const canvasRead = object<CanvasRead>({
  chars: integer(0, 1_000),
  colours: integer(0, 1_000),
  width: integer(0, 1_000_000),
  height: integer(0, 1_000_000),
});

const fingerprintUsage = object<FingerprintUsage>({
  canvasReads: array(canvasRead, 8),
  webglDebugInfo: count,
  webglExtensionLists: count,
  webglParameters: count,
  audioRenders: count,
  fontProbes: count,
  // Only names the core knows are kept by the validator: anything else is not a device property.
  navigatorProperties: array(literal(...NAVIGATOR_PROPERTIES), 64),
});

const recordingUsage = object<RecordingUsage>({
  documentObservers: count,
  mouseListeners: count,
  keyListeners: count,
  scrollListeners: count,
  typedValueReads: count,
});

/** The page-world script's message (the same shape, checked by the compiler). */
export type BehaviourUsage = BehaviourUsageMessage;

export const validateBehaviourUsage: Validator<BehaviourUsage> = object<BehaviourUsage>({
  policylens: literal('behaviour-usage'),
  script: string(MAX_URL_LENGTH),
  fingerprint: fingerprintUsage,
  recording: recordingUsage,
});

export type BehaviourReport = (observation: FingerprintObservation | RecordingObservation) => void;

export class PageBehaviour {
  /** What was reported per script, so only a growing set is reported again. */
  private readonly reported = new Map<string, { techniques: Set<string>; signals: Set<string> }>();

  constructor(private readonly report: BehaviourReport) {}

  listen(win: Window): void {
    win.addEventListener('message', (event: MessageEvent) => {
      if (event.source !== win) return;
      const data: unknown = event.data;
      if (!isRecord(data) || data.policylens !== 'behaviour-usage') return;
      this.receive(data);
    });
  }

  /** One message from the page-world script; anything that does not validate is ignored. */
  receive(data: unknown): void {
    const checked = validateBehaviourUsage(data);
    if (!checked.ok) return;
    const { script, fingerprint, recording } = checked.value;
    const seen = this.reported.get(script) ?? { techniques: new Set<string>(), signals: new Set<string>() };
    if (!this.reported.has(script)) {
      if (this.reported.size >= MAX_SCRIPTS) return;
      this.reported.set(script, seen);
    }
    const scriptUrl = script ? { scriptUrl: script } : {};

    const techniques = fingerprintTechniques(fingerprint);
    if (techniques.some((t) => !seen.techniques.has(t))) {
      for (const t of techniques) seen.techniques.add(t);
      this.report({ source: 'fingerprint', techniques: [...seen.techniques] as FingerprintObservation['techniques'], ...scriptUrl });
    }
    const signals = recordingSignals(recording);
    if (signals.some((s) => !seen.signals.has(s))) {
      for (const s of signals) seen.signals.add(s);
      this.report({ source: 'recording', signals: [...seen.signals] as RecordingObservation['signals'], ...scriptUrl });
    }
  }
}
