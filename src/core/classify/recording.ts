/**
 * Session recording and key logging, decided from what one script listens to. The
 * page-world script (src/content/page-world/behaviour-watch.ts) counts; this decides.
 * Pure.
 */
import type { RecordingSignal } from '../model';
import { RECORDING_SIGNALS } from '../model';

/** What one script set up or read (counts only). */
export interface RecordingUsage {
  /** MutationObservers on the whole document (document, <html> or <body>) with subtree and attributes or text. */
  documentObservers: number;
  /** mousemove, pointermove or touchmove listeners on window or document. */
  mouseListeners: number;
  /** keydown, keyup, keypress, input or change listeners on window or document. */
  keyListeners: number;
  /** scroll listeners on window or document. */
  scrollListeners: number;
  /** Reads of .value of fields the visitor has typed into (before any submit). */
  typedValueReads: number;
}

export const emptyRecordingUsage = (): RecordingUsage => ({
  documentObservers: 0,
  mouseListeners: 0,
  keyListeners: 0,
  scrollListeners: 0,
  typedValueReads: 0,
});

/**
 * A recorder watches every change to the page AND what the visitor does with it: the
 * threshold is a document-wide MutationObserver together with at least one of mouse
 * movement, key input or typed values, from the same script. Each alone is common
 * (frameworks and lazy-loaders observe the document; menus follow the mouse; forms
 * validate what is typed), a click handler or an observer on one element is neither.
 * Scroll is reported with the others but never decides.
 */
export function recordingSignals(usage: RecordingUsage): RecordingSignal[] {
  const present: Record<RecordingSignal, boolean> = {
    'dom-mutations': usage.documentObservers > 0,
    'mouse-movement': usage.mouseListeners > 0,
    'key-input': usage.keyListeners > 0,
    'input-values': usage.typedValueReads > 0,
    scroll: usage.scrollListeners > 0,
  };
  const recording = present['dom-mutations'] && (present['mouse-movement'] || present['key-input'] || present['input-values']);
  return recording ? RECORDING_SIGNALS.filter((s) => present[s]) : [];
}
