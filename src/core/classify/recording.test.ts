import { describe, expect, it } from 'vitest';
import { emptyRecordingUsage, recordingSignals, type RecordingUsage } from './recording';

const usage = (partial: Partial<RecordingUsage>): RecordingUsage => ({ ...emptyRecordingUsage(), ...partial });

describe('recordingSignals', () => {
  it('finds what rrweb sets up, in the model order', () => {
    expect(
      recordingSignals({ documentObservers: 1, mouseListeners: 3, keyListeners: 2, scrollListeners: 1, typedValueReads: 4 }),
    ).toEqual(['dom-mutations', 'mouse-movement', 'key-input', 'input-values', 'scroll']);
  });

  it.each([
    ['mouse movement', { mouseListeners: 1 }, ['dom-mutations', 'mouse-movement']],
    ['key input', { keyListeners: 1 }, ['dom-mutations', 'key-input']],
    ['typed values', { typedValueReads: 1 }, ['dom-mutations', 'input-values']],
  ])('is recording: a document-wide observer with %s', (_name, extra, signals) => {
    expect(recordingSignals(usage({ documentObservers: 1, ...extra }))).toEqual(signals);
  });

  it.each([
    ['nothing', {}],
    ['a document-wide observer alone (a framework, a lazy-loader)', { documentObservers: 2 }],
    ['a document-wide observer and scroll (infinite scroll)', { documentObservers: 1, scrollListeners: 1 }],
    ['mouse, keys and values without an observer (a menu, a form)', { mouseListeners: 1, keyListeners: 1, typedValueReads: 3 }],
  ])('is not recording: %s', (_name, partial) => {
    expect(recordingSignals(usage(partial))).toEqual([]);
  });
});
