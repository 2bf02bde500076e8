/**
 * Whether a value in the browser's storage identifies the visitor or holds personal
 * data. Run by the content script where it reads the value, so only these flags leave
 * the page (storage.ts classifies the key, in the worker).
 */
import type { PersonalDataKind } from '../model';
import { findPersonalData } from './personal-data';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A run of 16+ characters mixing letters and digits, the shape of a random id. */
const TOKEN = /[A-Za-z0-9_-]{16,}/g;
/** Values longer than this are read only in their first part (a cache, a blob): ids sit near the top. */
const READ_LIMIT = 4_096;

function looksRandom(token: string): boolean {
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  // Words ("application_settings") have no digits; counters and timestamps have no letters.
  return digits >= 3 && letters >= 3;
}

export interface StorageValueClassification {
  identifier: boolean;
  personalData: PersonalDataKind[];
}

/** Whether a stored value holds an identifier or personal data. Runs in the page: never keeps the value. */
export function classifyStorageValue(value: string): StorageValueClassification {
  const text = value.length > READ_LIMIT ? value.slice(0, READ_LIMIT) : value;
  const identifier = UUID.test(text) || (text.match(TOKEN) ?? []).some(looksRandom);
  return { identifier, personalData: findPersonalData(text) };
}
