/** The toolbar badge: how many trackers and beacons the tab's page has, red when one contradicts the policy. */
import type { PageRecord } from '../core/model';
import { badgeCount, countFindings } from '../core/summary';

const COLOUR_CONTRADICTS = '#b91c1c';
const COLOUR_DEFAULT = '#1d4ed8';

/** The part of browser.action the badge uses (tests pass a fake). */
export interface BadgeAction {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
}

/**
 * Shows a record's badge. The record is saved many times while its page loads (every
 * request, cookie and content-script batch), mostly with the badge unchanged: each call to
 * the action API is a message to the browser process, which is busy loading that page, so
 * a badge already shown for the same page is not set again. A worker restart forgets what
 * it showed and sets the next badge anew.
 */
export function badgeShower(action: BadgeAction): { show(record: PageRecord): Promise<void>; forget(tabId: number): void } {
  const shown = new Map<number, string>();
  const show = async (record: PageRecord): Promise<void> => {
    const count = badgeCount(record.findings);
    const text = count > 0 ? String(count) : '';
    const color = countFindings(record.findings).contradicts > 0 ? COLOUR_CONTRADICTS : COLOUR_DEFAULT;
    const tabId = record.tabId;
    // The page's start in the key: a navigation may reset the tab's badge, so a new page sets it again.
    const key = `${record.startedAt}|${text}|${color}`;
    if (shown.get(tabId) === key) return;
    shown.set(tabId, key);
    try {
      await action.setBadgeText({ tabId, text });
      await action.setBadgeBackgroundColor({ tabId, color });
    } catch {
      // The tab closed while we were counting: nothing to show.
      shown.delete(tabId);
    }
  };
  return { show, forget: (tabId) => shown.delete(tabId) };
}
