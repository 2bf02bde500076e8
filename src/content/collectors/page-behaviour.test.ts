// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { FingerprintObservation, RecordingObservation } from '../../core/model';
import { NAVIGATOR_PROPERTIES } from '../../core/classify/fingerprinting';
import { PageBehaviour, validateBehaviourUsage } from './page-behaviour';

const SCRIPT = 'https://openfpcdn.io/fingerprintjs/v3/iife.min.js';

const message = (over: Record<string, unknown> = {}) => ({
  policylens: 'behaviour-usage',
  script: SCRIPT,
  fingerprint: {
    canvasReads: [],
    webglDebugInfo: 0,
    webglExtensionLists: 0,
    webglParameters: 0,
    audioRenders: 0,
    fontProbes: 0,
    navigatorProperties: [],
  },
  recording: { documentObservers: 0, mouseListeners: 0, keyListeners: 0, scrollListeners: 0, typedValueReads: 0 },
  ...over,
});

const fingerprint = (over: Record<string, unknown>) => ({ ...message().fingerprint, ...over });

function collect() {
  const reports: (FingerprintObservation | RecordingObservation)[] = [];
  const behaviour = new PageBehaviour((o) => reports.push(o));
  return { behaviour, reports };
}

const post = (data: unknown, source: MessageEventSource | null = window) =>
  window.dispatchEvent(new MessageEvent('message', { data, source }));

describe('PageBehaviour', () => {
  it('reports a script past a threshold, with the script URL, and again only when the set grows', () => {
    const { behaviour, reports } = collect();
    behaviour.receive(message({ fingerprint: fingerprint({ audioRenders: 1 }) }));
    behaviour.receive(message({ fingerprint: fingerprint({ audioRenders: 2 }) }));
    behaviour.receive(message({ fingerprint: fingerprint({ audioRenders: 2, fontProbes: 150 }) }));
    expect(reports).toEqual([
      { source: 'fingerprint', techniques: ['audio'], scriptUrl: SCRIPT },
      { source: 'fingerprint', techniques: ['audio', 'fonts'], scriptUrl: SCRIPT },
    ]);
  });

  it('never reports counts below the thresholds (an ordinary page)', () => {
    const { behaviour, reports } = collect();
    behaviour.receive(
      message({
        fingerprint: fingerprint({ navigatorProperties: ['navigator.language', 'navigator.userAgent'], fontProbes: 3 }),
        recording: { documentObservers: 0, mouseListeners: 0, keyListeners: 0, scrollListeners: 0, typedValueReads: 0 },
      }),
    );
    behaviour.receive(message({ recording: { documentObservers: 1, mouseListeners: 0, keyListeners: 0, scrollListeners: 1, typedValueReads: 0 } }));
    expect(reports).toEqual([]);
  });

  it('reports recording, and leaves out the script URL when no stack named one', () => {
    const { behaviour, reports } = collect();
    behaviour.receive(
      message({ script: '', recording: { documentObservers: 1, mouseListeners: 2, keyListeners: 1, scrollListeners: 1, typedValueReads: 0 } }),
    );
    expect(reports).toEqual([{ source: 'recording', signals: ['dom-mutations', 'mouse-movement', 'key-input', 'scroll'] }]);
  });

  it('keeps scripts apart', () => {
    const { behaviour, reports } = collect();
    behaviour.receive(message({ script: 'https://a.example/a.js', fingerprint: fingerprint({ navigatorProperties: NAVIGATOR_PROPERTIES.slice(0, 6) }) }));
    behaviour.receive(message({ script: 'https://b.example/b.js', fingerprint: fingerprint({ navigatorProperties: NAVIGATOR_PROPERTIES.slice(6, 12) }) }));
    expect(reports).toEqual([]);
  });

  it('listens to messages from its own window only', () => {
    const { behaviour, reports } = collect();
    behaviour.listen(window);
    post(message({ fingerprint: fingerprint({ webglDebugInfo: 1 }) }), null);
    expect(reports).toEqual([]);
    post(message({ fingerprint: fingerprint({ webglDebugInfo: 1 }) }));
    expect(reports).toEqual([{ source: 'fingerprint', techniques: ['webgl'], scriptUrl: SCRIPT }]);
  });

  it.each<[string, unknown]>([
    ['a string', 'behaviour-usage'],
    ['another message', { policylens: 'beacon-hint', kind: 'sendbeacon', url: 'https://x.example/' }],
    ['a missing part', { policylens: 'behaviour-usage', script: SCRIPT, fingerprint: fingerprint({ audioRenders: 1 }) }],
    ['a negative count', message({ fingerprint: fingerprint({ audioRenders: 1, fontProbes: -1 }) })],
    ['a count that is not a number', message({ fingerprint: fingerprint({ audioRenders: '1' }) })],
    ['an unknown property name', message({ fingerprint: fingerprint({ audioRenders: 1, navigatorProperties: ['window.name'] }) })],
    ['too many canvas reads', message({ fingerprint: fingerprint({ canvasReads: Array(9).fill({ chars: 20, colours: 3, width: 240, height: 60 }) }) })],
    ['a script URL that is not a string', message({ script: 42, fingerprint: fingerprint({ audioRenders: 1 }) })],
    ['a script URL longer than a URL', message({ script: `https://x.example/${'a'.repeat(70_000)}`, fingerprint: fingerprint({ audioRenders: 1 }) })],
  ])('ignores %s', (_name, data) => {
    const { behaviour, reports } = collect();
    expect(validateBehaviourUsage(data).ok).toBe(false);
    behaviour.receive(data);
    expect(reports).toEqual([]);
  });

  it('stops telling scripts apart past its bound', () => {
    const { behaviour, reports } = collect();
    for (let i = 0; i < 70; i++) behaviour.receive(message({ script: `https://s${i}.example/x.js`, fingerprint: fingerprint({ audioRenders: 1 }) }));
    expect(reports).toHaveLength(64);
  });
});
