/** Keys of what PolicyLens keeps in storage, in one place so writer and readers agree. */

/** storage.session: the findings of the page shown in a tab. */
export const pageKey = (tabId: number): string => `page:${tabId}`;

export const tabIdFromPageKey = (key: string): number | undefined => {
  const match = /^page:(\d+)$/.exec(key);
  return match ? Number(match[1]) : undefined;
};
