import { describe, expect, it } from 'vitest';
import { emptyFingerprintUsage, fingerprintTechniques, NAVIGATOR_PROPERTIES, type FingerprintUsage } from './fingerprinting';

const usage = (partial: Partial<FingerprintUsage>): FingerprintUsage => ({ ...emptyFingerprintUsage(), ...partial });

describe('fingerprintTechniques', () => {
  it('finds nothing in an empty usage', () => {
    expect(fingerprintTechniques(emptyFingerprintUsage())).toEqual([]);
  });

  it("finds every technique in what FingerprintJS 3 does, in the model's order", () => {
    expect(
      fingerprintTechniques({
        // "Cwm fjordbank gly 😃" in two colours on 240x60; three circles and a winding test on 122x110.
        canvasReads: [
          { chars: 15, colours: 3, width: 240, height: 60 },
          { chars: 0, colours: 4, width: 122, height: 110 },
        ],
        webglDebugInfo: 2,
        webglExtensionLists: 0,
        webglParameters: 2,
        audioRenders: 1,
        fontProbes: 150,
        navigatorProperties: NAVIGATOR_PROPERTIES.slice(0, 16),
      }),
    ).toEqual(['canvas', 'webgl', 'audio', 'fonts', 'navigator']);
  });

  describe('canvas', () => {
    it.each([
      ['text of 10 distinct characters', { chars: 10, colours: 1, width: 240, height: 60 }],
      ['shapes in two colours', { chars: 0, colours: 2, width: 122, height: 110 }],
    ])('counts a read-back of %s', (_name, read) => {
      expect(fingerprintTechniques(usage({ canvasReads: [read] }))).toEqual(['canvas']);
    });

    it.each([
      ["WordPress's emoji check (two emoji, one colour)", { chars: 2, colours: 1, width: 32, height: 16 }],
      ['a tiny canvas', { chars: 20, colours: 3, width: 8, height: 8 }],
    ])('does not count %s', (_name, read) => {
      expect(fingerprintTechniques(usage({ canvasReads: [read] }))).toEqual([]);
    });
  });

  describe('webgl', () => {
    it('counts the unmasked GPU name', () => {
      expect(fingerprintTechniques(usage({ webglDebugInfo: 1 }))).toEqual(['webgl']);
    });
    it('counts a parameter dump with the extension list', () => {
      expect(fingerprintTechniques(usage({ webglExtensionLists: 1, webglParameters: 20 }))).toEqual(['webgl']);
    });
    it("does not count a 3D viewer's dozen parameters, with or without the extension list", () => {
      expect(fingerprintTechniques(usage({ webglExtensionLists: 1, webglParameters: 14 }))).toEqual([]);
      expect(fingerprintTechniques(usage({ webglParameters: 60 }))).toEqual([]);
    });
  });

  it('counts one oscillator+compressor render as audio', () => {
    expect(fingerprintTechniques(usage({ audioRenders: 1 }))).toEqual(['audio']);
  });

  it('counts 20 distinct font families measured, not 19', () => {
    expect(fingerprintTechniques(usage({ fontProbes: 20 }))).toEqual(['fonts']);
    expect(fingerprintTechniques(usage({ fontProbes: 19 }))).toEqual([]);
  });

  describe('navigator', () => {
    it('counts 10 distinct device properties', () => {
      expect(fingerprintTechniques(usage({ navigatorProperties: NAVIGATOR_PROPERTIES.slice(0, 10) }))).toEqual(['navigator']);
    });
    it('does not count what an analytics tag reads, nor unknown or repeated names', () => {
      const analytics = ['navigator.userAgent', 'navigator.language', 'navigator.cookieEnabled', 'screen.width', 'screen.height', 'screen.colorDepth'];
      expect(fingerprintTechniques(usage({ navigatorProperties: analytics }))).toEqual([]);
      const padded = [...NAVIGATOR_PROPERTIES.slice(0, 9), 'navigator.userAgent', 'navigator.onLine', 'window.innerWidth'];
      expect(fingerprintTechniques(usage({ navigatorProperties: padded }))).toEqual([]);
    });
  });
});
