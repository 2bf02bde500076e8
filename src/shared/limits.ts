/**
 * How much a content script may report: the bounds the worker validates messages
 * against (shared/messages.ts) and the content script keeps to. A module of its own,
 * without imports, so the content script (paid for on every SmartErgo page) carries
 * these numbers and not the message validators.
 */

/** Long URLs are real (64 KB ones exist); longer than this is not a URL we keep. */
export const MAX_URL_LENGTH = 65_536;
/** A cookie is at most 4 KB by the standard; leave room for odd browsers. */
export const MAX_COOKIE_LENGTH = 8_192;
export const MAX_OBSERVATIONS_PER_MESSAGE = 500;
/** A storage key or IndexedDB "database/store" name; longer ones are not names anyone reads. */
export const MAX_STORAGE_KEY_LENGTH = 512;
