/**
 * Device fingerprinting, decided from what one script did with the browser's features.
 * The page-world script (src/content/page-world/behaviour-watch.ts) only counts; this
 * decides which counts are past what an ordinary page does. Pure: unit tests feed it
 * the counts of real libraries and of ordinary pages.
 */
import type { FingerprintTechnique } from '../model';
import { FINGERPRINT_TECHNIQUES } from '../model';

/** A read-back (toDataURL, toBlob, getImageData) of a canvas the script drew text or shapes on. */
export interface CanvasRead {
  /** Distinct characters drawn with fillText/strokeText (counted up to 32). */
  chars: number;
  /** Distinct fill and stroke styles set while drawing (counted up to 8). */
  colours: number;
  width: number;
  height: number;
}

/** What one script did, as counts (never the values it read). */
export interface FingerprintUsage {
  /** Read-backs of canvases with text or shapes drawn on them (an image's pixels are not counted), up to 8. */
  canvasReads: CanvasRead[];
  /** getParameter(UNMASKED_VENDOR_WEBGL or UNMASKED_RENDERER_WEBGL): the GPU's real name. */
  webglDebugInfo: number;
  /** getSupportedExtensions() calls. */
  webglExtensionLists: number;
  /** Distinct getParameter() names asked for. */
  webglParameters: number;
  /** Audio graphs with an oscillator and a compressor, rendered (startRendering) or read back. */
  audioRenders: number;
  /** Distinct font-family values measured (offsetWidth/offsetHeight, measureText, document.fonts.check). */
  fontProbes: number;
  /** Distinct Navigator and Screen properties read, as "navigator.platform", "screen.colorDepth". */
  navigatorProperties: string[];
}

export const emptyFingerprintUsage = (): FingerprintUsage => ({
  canvasReads: [],
  webglDebugInfo: 0,
  webglExtensionLists: 0,
  webglParameters: 0,
  audioRenders: 0,
  fontProbes: 0,
  navigatorProperties: [],
});

/**
 * The properties that say something about the device rather than the page. An analytics
 * tag reads a handful (user agent, language, screen size: GA4 reads about six); a
 * fingerprinting library reads most of them.
 */
export const NAVIGATOR_PROPERTIES: readonly string[] = [
  'navigator.userAgent',
  'navigator.appVersion',
  'navigator.platform',
  'navigator.vendor',
  'navigator.language',
  'navigator.languages',
  'navigator.hardwareConcurrency',
  'navigator.deviceMemory',
  'navigator.maxTouchPoints',
  'navigator.plugins',
  'navigator.mimeTypes',
  'navigator.cookieEnabled',
  'navigator.doNotTrack',
  'navigator.pdfViewerEnabled',
  'navigator.webdriver',
  'navigator.oscpu',
  'navigator.productSub',
  'navigator.buildID',
  'navigator.connection',
  'navigator.userAgentData',
  'screen.width',
  'screen.height',
  'screen.availWidth',
  'screen.availHeight',
  'screen.availLeft',
  'screen.availTop',
  'screen.colorDepth',
  'screen.pixelDepth',
  'screen.orientation',
];

/**
 * The thresholds, each past what an ordinary page does:
 * - canvas: a read-back of a canvas at least 16x16 with text of 10 or more distinct
 *   characters or 2 or more colours on it (the criteria of Englehardt & Narayanan's
 *   1-million-site measurement). WordPress's emoji check (one or two emoji, one colour)
 *   and a chart drawn but never read stay below.
 * - webgl: the unmasked GPU vendor or renderer, or the extension list with 20 or more
 *   parameters (a parameter dump); a 3D viewer asks for about a dozen and the extensions
 *   it needs one by one.
 * - audio: one oscillator+compressor graph rendered and read; music players do not render
 *   offline, and this graph is the audio fingerprint's signature.
 * - fonts: 20 or more distinct font families measured; a page measures its own few fonts.
 * - navigator: 10 or more of NAVIGATOR_PROPERTIES.
 */
export const THRESHOLDS = {
  canvasMinSide: 16,
  canvasChars: 10,
  canvasColours: 2,
  webglParameters: 20,
  fontProbes: 20,
  navigatorProperties: 10,
} as const;

const looksLikeCanvasFingerprint = (read: CanvasRead): boolean =>
  read.width >= THRESHOLDS.canvasMinSide &&
  read.height >= THRESHOLDS.canvasMinSide &&
  (read.chars >= THRESHOLDS.canvasChars || read.colours >= THRESHOLDS.canvasColours);

/** The techniques the usage crossed the threshold for, in FINGERPRINT_TECHNIQUES order. */
export function fingerprintTechniques(usage: FingerprintUsage): FingerprintTechnique[] {
  const found = new Set<FingerprintTechnique>();
  if (usage.canvasReads.some(looksLikeCanvasFingerprint)) found.add('canvas');
  if (usage.webglDebugInfo > 0 || (usage.webglExtensionLists > 0 && usage.webglParameters >= THRESHOLDS.webglParameters)) {
    found.add('webgl');
  }
  if (usage.audioRenders > 0) found.add('audio');
  if (usage.fontProbes >= THRESHOLDS.fontProbes) found.add('fonts');
  const known = new Set(usage.navigatorProperties.filter((p) => NAVIGATOR_PROPERTIES.includes(p)));
  if (known.size >= THRESHOLDS.navigatorProperties) found.add('navigator');
  return FINGERPRINT_TECHNIQUES.filter((t) => found.has(t));
}
