/**
 * The leak matcher: does a request carry something the visitor typed, as typed,
 * URL-encoded, Base64-encoded, or hashed (MD5, SHA-1, SHA-256 of the normalised
 * value, the way ad pixels' "advanced matching" sends it)?
 *
 * It runs in the content script, where the typed values are; only the kinds and the
 * encodings found leave it (see LeakObservation). Hashes come from @noble/hashes:
 * the platform's crypto.subtle has no MD5 and is asynchronous. Its hash classes are
 * used, not its md5()/sha1()/sha256() helpers: each helper builds a hasher when its
 * module loads, which every page and frame would pay at document_start (~1 ms here,
 * bench/README.md) though hashes are needed only once the visitor has typed.
 */
import { _MD5, _SHA1 } from '@noble/hashes/legacy.js';
import { _SHA256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { LeakEncoding, PersonalDataKind } from '../model';

export interface TypedValue {
  kind: PersonalDataKind;
  value: string;
}

export interface LeakHit {
  kind: PersonalDataKind;
  encoding: LeakEncoding;
}

interface Needle {
  kind: PersonalDataKind;
  encoding: LeakEncoding;
  /** Lower case. */
  text: string;
  /** Compare against the haystack with everything but digits removed (phone numbers). */
  digits?: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Shorter values match too much by chance ("Li", "12345"). */
const MIN_NAME = 2;
const MIN_PHONE_DIGITS = 7;
/** A long body is read in its first part: what trackers send fits, and a page cannot make us hash megabytes. */
export const MAX_HAYSTACK = 65_536;

type HashClass = new () => { update(bytes: Uint8Array): { digest(): Uint8Array } };
const hex = (Hash: HashClass, text: string): string => bytesToHex(new Hash().update(utf8ToBytes(text)).digest());

function hashed(kind: PersonalDataKind, text: string): Needle[] {
  return [
    { kind, encoding: 'md5', text: hex(_MD5, text) },
    { kind, encoding: 'sha1', text: hex(_SHA1, text) },
    { kind, encoding: 'sha256', text: hex(_SHA256, text) },
  ];
}

/** What to look for, for one typed value: the normalised forms trackers use, plain and hashed. */
export function needlesFor({ kind, value }: TypedValue): Needle[] {
  const trimmed = value.trim();
  switch (kind) {
    case 'email': {
      const email = trimmed.toLowerCase();
      if (!EMAIL.test(email)) return [];
      return [{ kind, encoding: 'plain', text: email }, ...hashed(kind, email)];
    }
    case 'phone': {
      const digits = trimmed.replace(/\D/g, '');
      if (digits.length < MIN_PHONE_DIGITS) return [];
      return [{ kind, encoding: 'plain', text: digits, digits: true }, ...hashed(kind, digits)];
    }
    case 'name': {
      const name = trimmed.toLowerCase().replace(/\s+/g, ' ');
      if (name.length < MIN_NAME) return [];
      // A whole name in clear ("jane doe") is specific; one word ("jane") is not, unless hashed (Meta's fn/ln).
      const plain: Needle[] = name.includes(' ') ? [{ kind, encoding: 'plain', text: name }] : [];
      const parts = name.split(' ').filter((part) => part.length >= MIN_NAME);
      return [...plain, ...parts.flatMap((part) => hashed(kind, part)), ...(parts.length > 1 ? hashed(kind, name) : [])];
    }
    default: {
      const text = trimmed.toLowerCase();
      return text.length >= 4 ? [{ kind, encoding: 'plain', text }] : [];
    }
  }
}

function decodeUri(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const BASE64_TOKEN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/** Decodes each Base64-looking token; tokens that do not decode to text are skipped. */
function base64Texts(haystack: string): string[] {
  const out: string[] = [];
  for (const token of haystack.match(BASE64_TOKEN) ?? []) {
    try {
      const standard = token.replace(/-/g, '+').replace(/_/g, '/');
      const padded = standard + '='.repeat((4 - (standard.length % 4)) % 4);
      const binary = atob(padded);
      if (/[^\t\n\r\x20-\x7e\x80-\xff]/.test(binary)) continue;
      out.push(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))).toLowerCase());
    } catch {
      // Not Base64 after all.
    }
  }
  return out;
}

export interface LeakMatcher {
  /** What of the typed values `haystack` (a URL or a request body) carries, each kind and encoding once. */
  find(haystack: string): LeakHit[];
  readonly empty: boolean;
}

export function createLeakMatcher(typed: readonly TypedValue[]): LeakMatcher {
  const needles = typed.flatMap(needlesFor);
  const plain = needles.filter((n) => n.encoding === 'plain');
  const hashes = needles.filter((n) => n.encoding !== 'plain');
  return {
    empty: needles.length === 0,
    find(haystack: string): LeakHit[] {
      if (needles.length === 0 || !haystack) return [];
      const raw = (haystack.length > MAX_HAYSTACK ? haystack.slice(0, MAX_HAYSTACK) : haystack).toLowerCase();
      const hits = new Map<string, LeakHit>();
      const hit = (kind: PersonalDataKind, encoding: LeakEncoding) => hits.set(`${kind}:${encoding}`, { kind, encoding });

      for (const n of hashes) if (raw.includes(n.text)) hit(n.kind, n.encoding);

      const decoded = raw.includes('%') || raw.includes('+') ? decodeUri(raw) : raw;
      const rawDigits = plain.some((n) => n.digits) ? raw.replace(/\D/g, '') : '';
      const decodedDigits = decoded === raw ? rawDigits : plain.some((n) => n.digits) ? decoded.replace(/\D/g, '') : '';
      let base64: string[] | undefined;
      for (const n of plain) {
        const inRaw = n.digits ? rawDigits.includes(n.text) : raw.includes(n.text);
        if (inRaw) {
          hit(n.kind, 'plain');
          continue;
        }
        if (n.digits ? decodedDigits.includes(n.text) : decoded.includes(n.text)) {
          hit(n.kind, 'url-encoded');
          continue;
        }
        base64 ??= base64Texts(haystack.length > MAX_HAYSTACK ? haystack.slice(0, MAX_HAYSTACK) : haystack);
        if (base64.some((text) => (n.digits ? text.replace(/\D/g, '').includes(n.text) : text.includes(n.text)))) {
          hit(n.kind, 'base64');
        }
      }
      return [...hits.values()];
    },
  };
}
