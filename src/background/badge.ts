/** The toolbar badge: how many trackers and beacons the tab's page has, red when one contradicts the policy. */
import { browser } from '../shared/browser';
import type { PageRecord } from '../core/model';
import { badgeCount, countFindings } from '../core/summary';

const COLOUR_CONTRADICTS = '#b91c1c';
const COLOUR_DEFAULT = '#1d4ed8';

export async function showBadge(record: PageRecord): Promise<void> {
  const count = badgeCount(record.findings);
  const contradicts = countFindings(record.findings).contradicts;
  const tabId = record.tabId;
  try {
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
    await browser.action.setBadgeBackgroundColor({
      tabId,
      color: contradicts > 0 ? COLOUR_CONTRADICTS : COLOUR_DEFAULT,
    });
  } catch {
    // The tab closed while we were counting: nothing to show.
  }
}
