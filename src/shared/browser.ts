/**
 * The one door to the browser: the only module that imports webextension-polyfill.
 * Everything else takes what it needs from here, so tests can replace it and a
 * Firefox build gets the same promise-based API.
 */
import browser from 'webextension-polyfill';

export type { Runtime, Tabs, Cookies, Storage, WebRequest } from 'webextension-polyfill';
export { browser };
