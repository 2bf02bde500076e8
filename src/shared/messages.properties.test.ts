/**
 * Property-based tests (fast-check) of the message validators: any value a page or a
 * broken sender can put in a message never makes them throw, and what they accept
 * holds only the fields the message vocabulary knows (unknown fields are dropped).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readRequestLog, readSettings, validateContentMessage, validatePopupMessage, validateSettings } from './messages';

/** The fields each accepted shape may hold, by the value of its tag. */
const CONTENT_FIELDS: Record<string, readonly string[]> = {
  observations: ['type', 'observations'],
  'policy-text': ['type', 'text'],
};
const OBSERVATION_FIELDS: Record<string, readonly string[]> = {
  'resource-timing': ['source', 'url', 'initiatorType', 'looksLikePixel'],
  'document-cookie': ['source', 'name', 'value'],
};
const POPUP_FIELDS: Record<string, readonly string[]> = {
  'get-page': ['type', 'tabId', 'packed'],
  'update-settings': ['type', 'change'],
  'log-request': ['type', 'kind', 'choices'],
  'get-blocked': ['type', 'tabId'],
};
const CHANGE_FIELDS = ['cookies', 'beacons', 'trackers', 'gpc'];
const COOKIE_SETTING_FIELDS = ['all', 'thirdParty', 'purposes', 'names'];

const keysOf = (value: unknown): string[] => (typeof value === 'object' && value !== null ? Object.keys(value) : []);
const within = (value: unknown, allowed: readonly string[] | undefined): boolean =>
  allowed !== undefined && keysOf(value).every((key) => allowed.includes(key));

/** Anything JSON or structured cloning can carry, with the prototype-pollution keys in the mix. */
const anyValue = fc.anything({
  maxDepth: 4,
  withBoxedValues: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'source', 'tabId', 'toString')),
});

/** A valid message of each kind, with arbitrary extra fields mixed in (an attacker's additions). */
const extras = fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'tabId', 'frameId', 'sender', 'url')), anyValue, { maxKeys: 4 });
const withExtras = <T extends object>(value: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.tuple(value, extras).map(([v, extra]) => Object.assign(Object.create(null) as object, extra, v) as T);

const contentMessage = fc.oneof(
  withExtras(
    fc.record({
      type: fc.constant('observations'),
      observations: fc.array(
        fc.oneof(
          withExtras(fc.record({ source: fc.constant('resource-timing'), url: fc.string(), initiatorType: fc.string({ maxLength: 64 }) })),
          withExtras(fc.record({ source: fc.constant('document-cookie'), name: fc.string(), value: fc.string() })),
        ),
        { maxLength: 5 },
      ),
    }),
  ),
  withExtras(fc.record({ type: fc.constant('policy-text'), text: fc.string() })),
);

const popupMessage = fc.oneof(
  withExtras(fc.record({ type: fc.constantFrom('get-page', 'get-blocked'), tabId: fc.nat() })),
  withExtras(fc.record({ type: fc.constant('update-settings'), change: withExtras(fc.record({ beacons: fc.boolean(), cookies: withExtras(fc.record({ all: fc.boolean() })) })) })),
  withExtras(fc.record({ type: fc.constant('log-request'), kind: fc.constantFrom('opt-out', 'review-delete'), choices: fc.constant([]) })),
);

describe('validateContentMessage (property)', () => {
  it('never throws on any value, and accepts only known fields', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, contentMessage), (input) => {
        const result = validateContentMessage(input);
        if (!result.ok) {
          expect(typeof result.error).toBe('string');
          return;
        }
        const message = result.value;
        expect(within(message, CONTENT_FIELDS[message.type])).toBe(true);
        expect(Object.getPrototypeOf(message)).toBe(Object.prototype);
        if (message.type === 'observations') {
          for (const o of message.observations) expect(within(o, OBSERVATION_FIELDS[o.source])).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a valid message whatever is added to it, keeping none of the additions', () => {
    fc.assert(
      fc.property(contentMessage, (input) => {
        const result = validateContentMessage(input);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('validatePopupMessage (property)', () => {
  it('never throws on any value, and accepts only known fields', () => {
    fc.assert(
      fc.property(fc.oneof(anyValue, popupMessage), (input) => {
        const result = validatePopupMessage(input);
        if (!result.ok) return;
        const message = result.value;
        expect(within(message, POPUP_FIELDS[message.type])).toBe(true);
        if (message.type === 'update-settings') {
          expect(within(message.change, CHANGE_FIELDS)).toBe(true);
          if (message.change.cookies) expect(within(message.change.cookies, COOKIE_SETTING_FIELDS)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a valid popup message whatever is added to it', () => {
    fc.assert(
      fc.property(popupMessage, (input) => {
        expect(validatePopupMessage(input).ok).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stored settings and log (property)', () => {
  it('read anything without throwing: damaged settings read as a valid shape, damaged log entries are dropped', () => {
    fc.assert(
      fc.property(anyValue, fc.array(anyValue, { maxLength: 5 }), (stored, log) => {
        expect(validateSettings(readSettings(stored)).ok).toBe(true);
        expect(Array.isArray(readRequestLog(log))).toBe(true);
        expect(readRequestLog(stored)).toEqual(Array.isArray(stored) ? readRequestLog(stored) : []);
      }),
      { numRuns: 300 },
    );
  });
});
