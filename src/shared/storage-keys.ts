/** Keys of what PolicyLens keeps in storage, in one place so writer and readers agree. */

/** storage.session: the findings of the page shown in a tab. */
export const pageKey = (tabId: number): string => `page:${tabId}`;

export const tabIdFromPageKey = (key: string): number | undefined => {
  const match = /^page:(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
};

/** storage.local: the user's blocking choices (the source the browser's rules are derived from). */
export const SETTINGS_KEY = 'settings';

/** storage.local: the dated log of requests the user sent SmartErgo (opt-out, review/delete). */
export const REQUEST_LOG_KEY = 'requestLog';

/** storage.local: the contentSettings rules the worker last set (to know when a clear is needed). */
export const APPLIED_CONTENT_SETTINGS_KEY = 'appliedContentSettings';
