/**
 * Finds personal data (as kinds, never values) in URLs and cookie values, and
 * redacts it before anything is stored.
 *
 * Detected: email addresses, phone numbers, payment card numbers. The rules are
 * tuned for what trackers send: URL-encoded values, client ids such as
 * `GA1.1.123456789.1700000000`, millisecond timestamps, UUIDs, prices and cache
 * busters must NOT read as phone or card numbers, so
 *   - a phone number needs a phone shape (a leading "+", a (415) 555-0123 shape,
 *     or a national number with a leading 0 and separators) or a key that says
 *     so (`phone=`, `tel=`, `ph=`, `"mobile":`); bare digit runs are not phones;
 *   - a card number needs a card issuer prefix and length, and a valid Luhn sum.
 * Hashed values (Meta's `em=<sha256>`) are not personal data in clear and are
 * not reported.
 */
import type { PersonalDataKind } from '../model';

/** Kinds in the order they are reported. */
const KIND_ORDER: readonly PersonalDataKind[] = ['email', 'phone', 'credit-card'];

export const PERSONAL_DATA_MARKERS = {
  email: '[email]',
  phone: '[phone]',
  'credit-card': '[credit-card]',
} as const satisfies Partial<Record<PersonalDataKind, string>>;

type DetectedKind = keyof typeof PERSONAL_DATA_MARKERS;

interface Span {
  kind: DetectedKind;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------
// Decoding

const ESCAPES = /(?:%[0-9A-Fa-f]{2})+/g;

function decodeOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray "%" or an invalid UTF-8 sequence: decode the runs that are valid, keep the rest.
    return text.replace(ESCAPES, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Percent-decodes `text` (up to three times, for double-encoded values such as
 * `%2540`). Never throws: malformed sequences are kept as they are.
 */
export function safeDecode(text: string): string {
  let current = text;
  for (let i = 0; i < 3 && current.includes('%'); i++) {
    const next = decodeOnce(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

// ---------------------------------------------------------------------------
// Detectors (on decoded text)

/** File extensions that follow "@2x" in asset names (logo@2x.png): not e-mail domains. */
const NOT_EMAIL_TLDS = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff',
  'js', 'mjs', 'cjs', 'ts', 'css', 'map', 'json', 'html', 'htm', 'php', 'asp', 'aspx', 'jsp',
  'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp4', 'webm', 'mp3', 'ogg', 'wav', 'txt', 'xml', 'pdf', 'wasm',
]);

// Bounded quantifiers keep the scan linear on long cookie values.
const EMAIL = /[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.([A-Za-z]{2,24})(?![A-Za-z0-9-])/g;

// "+" then 10-15 digits, each digit optionally after up to two separators: +1 (415) 555-0123, +44 20 7946 0958, +14155550123.
const PHONE_INTERNATIONAL = /(?<![\w+])\+\d(?:[\s.\-()/]{0,2}\d){9,14}(?!\w|[\s.\-]\d)/g;
// North American shape: (415) 555-0123, 415-555-0123, 415.555.0123, 1-800-555-0199.
const PHONE_NANP = /(?<![\w.+\-])(?:1[\s.\-])?(?:\(\d{3}\)\s?|\d{3}[\s.\-])\d{3}[\s.\-]\d{4}(?!\w|[.\-]\d)/g;
// National numbers with a trunk 0 and separators: 020 7946 0958, 030 12345678, 06 12 34 56 78.
const PHONE_NATIONAL = /(?<![\w.+\-/])0\d{1,4}(?:[\s\-/]\d{2,8}){1,5}(?!\w|[.\-/]\d)/g;
// A key that names a phone number, in a query string or JSON: phone=..., "tel": "...", ud[ph]=...
const PHONE_KEYED =
  /(?<![A-Za-z])(?:phone(?:_?number)?|telephone|tel|mobile|cell|ph)(?:\])?["']?\s*[:=]\s*["']?(\+?[\d\s.\-()]{7,24})/gi;
// 13-19 digits, optionally grouped by spaces or dashes.
const CARD = /(?<![\w.+\-])\d(?:[ \-]?\d){12,18}(?!\w|[.\-]\d)/g;

function digitsOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) out += text[i];
  }
  return out;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths (Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay). */
function hasCardIssuerShape(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return n === 15; // American Express
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) return n >= 14 && n <= 16; // Diners
  if (p2 === 62) return n >= 16 && n <= 19; // UnionPay
  return false;
}

export function isCardNumber(candidate: string): boolean {
  const digits = digitsOf(candidate);
  return digits.length >= 13 && digits.length <= 19 && hasCardIssuerShape(digits) && luhnValid(digits);
}

function phoneDigitsOk(candidate: string, min: number): boolean {
  const n = digitsOf(candidate).length;
  return n >= min && n <= 15;
}

/** Masks found spans so later detectors do not read them again (same length, no digits or separators). */
function mask(text: string, spans: readonly Span[], from: number): string {
  let out = text;
  for (let i = from; i < spans.length; i++) {
    const s = spans[i]!;
    out = out.slice(0, s.start) + '#'.repeat(s.end - s.start) + out.slice(s.end);
  }
  return out;
}

function collect(text: string, re: RegExp, kind: DetectedKind, accept: (m: RegExpExecArray) => boolean, into: Span[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (accept(m)) into.push({ kind, start: m.index, end: m.index + m[0].length });
  }
}

function hasDigitRun(text: string, min: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++count >= min) return true;
    } else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41 && c !== 47 && c !== 43 && c !== 34 && c !== 58 && c !== 37) {
      // Anything but a digit, space, - . ( ) / + " : % ends a run (so "415%20555%200123" is one run).
      count = 0;
    }
  }
  return false;
}

/** Spans of personal data in already-decoded text. */
function scan(text: string): Span[] {
  const spans: Span[] = [];
  let work = text;
  if (text.includes('@')) {
    collect(
      work,
      EMAIL,
      'email',
      (m) => !NOT_EMAIL_TLDS.has(m[1]!.toLowerCase()) && !(m.index >= 2 && work.slice(m.index - 2, m.index) === '//'),
      spans,
    );
    if (spans.length > 0) work = mask(work, spans, 0);
  }
  if (!hasDigitRun(work, 7)) return spans;
  let before = spans.length;
  collect(work, CARD, 'credit-card', (m) => isCardNumber(m[0]), spans);
  if (spans.length > before) work = mask(work, spans, before);
  before = spans.length;
  collect(work, PHONE_INTERNATIONAL, 'phone', () => true, spans);
  collect(work, PHONE_NANP, 'phone', () => true, spans);
  collect(work, PHONE_NATIONAL, 'phone', (m) => phoneDigitsOk(m[0], 10), spans);
  if (spans.length > before) work = mask(work, spans, before);
  PHONE_KEYED.lastIndex = 0;
  for (let m = PHONE_KEYED.exec(work); m !== null; m = PHONE_KEYED.exec(work)) {
    const value = m[1]!.trimEnd();
    if (phoneDigitsOk(value, 7)) {
      const start = m.index + m[0].length - m[1]!.length;
      spans.push({ kind: 'phone', start, end: start + value.length });
    }
  }
  return spans;
}

function kindsOf(spans: readonly Span[]): PersonalDataKind[] {
  if (spans.length === 0) return [];
  return KIND_ORDER.filter((k) => spans.some((s) => s.kind === k));
}

/** Cheap test: could `raw` (still encoded) hold personal data at all? */
export function mightHoldPersonalData(raw: string): boolean {
  // One pass (this runs on every third-party URL): an "@" (also as %40 or %2540), or a run of 7+ digits.
  let run = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (++run >= 7) return true;
    } else if (c === 64) {
      return true;
    } else if (c === 37) {
      if (raw.startsWith('40', i + 1) || raw.startsWith('2540', i + 1)) return true;
    } else if (c !== 32 && c !== 45 && c !== 46 && c !== 40 && c !== 41 && c !== 47 && c !== 43 && c !== 34 && c !== 58) {
      run = 0;
    }
  }
  return false;
}

/**
 * The kinds of personal data in `text` (a URL, a query value, a cookie value...).
 * Percent-encoding is decoded first, so `em=jane%40example.com` is an email.
 */
export function findPersonalData(text: string): PersonalDataKind[] {
  if (!mightHoldPersonalData(text)) return [];
  return kindsOf(scan(safeDecode(text)));
}

/** `text` (decoded) with each piece of personal data replaced by its marker ("[email]"...). */
export function redactPersonalData(text: string): { text: string; kinds: PersonalDataKind[] } {
  const spans = scan(text);
  if (spans.length === 0) return { text, kinds: [] };
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue; // overlapping (cannot happen after masking, but be safe)
    out += text.slice(at, s.start) + PERSONAL_DATA_MARKERS[s.kind];
    at = s.end;
  }
  return { text: out + text.slice(at), kinds: kindsOf(spans) };
}

/** Merges kind lists, keeping the report order. */
export function mergeKinds(a: readonly PersonalDataKind[], b: readonly PersonalDataKind[]): PersonalDataKind[] {
  if (b.length === 0) return [...a];
  if (a.length === 0) return [...b];
  return KIND_ORDER.filter((k) => a.includes(k) || b.includes(k));
}
