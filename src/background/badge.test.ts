import { describe, expect, it, vi } from 'vitest';
import { EMAIL_LEAK, GA_BEACON, GA_COOKIE, pageWith, SESSION_COOKIE } from '../popup/test-support';
import { badgeShower } from './badge';

function fakeAction() {
  return { setBadgeText: vi.fn(async () => undefined), setBadgeBackgroundColor: vi.fn(async () => undefined) };
}

describe('the toolbar badge', () => {
  it('counts trackers and beacons (not cookies), red once something contradicts the policy', async () => {
    const action = fakeAction();
    const { show } = badgeShower(action);
    await show(pageWith([GA_BEACON, GA_COOKIE]));
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '1' });
    expect(action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ tabId: 7, color: '#1d4ed8' });
    await show(pageWith([GA_BEACON, GA_COOKIE, EMAIL_LEAK]));
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '2' });
    expect(action.setBadgeBackgroundColor).toHaveBeenLastCalledWith({ tabId: 7, color: '#b91c1c' });
    await show(pageWith([]));
    expect(action.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '' });
  });

  it('does not set again a badge already shown for the same page, but does for a new page or after forgetting', async () => {
    const action = fakeAction();
    const { show, forget } = badgeShower(action);
    const page = pageWith([GA_BEACON]);
    await show(page);
    await show({ ...page, findings: [GA_BEACON, SESSION_COOKIE] }); // one more finding, the same badge
    expect(action.setBadgeText).toHaveBeenCalledTimes(1);
    await show({ ...page, startedAt: page.startedAt + 1 }); // the tab navigated: its badge may have been reset
    expect(action.setBadgeText).toHaveBeenCalledTimes(2);
    forget(7);
    await show({ ...page, startedAt: page.startedAt + 1 });
    expect(action.setBadgeText).toHaveBeenCalledTimes(3);
  });

  it('tries again next time when the tab went away while it was being set', async () => {
    const action = fakeAction();
    action.setBadgeText.mockRejectedValueOnce(new Error('No tab with id: 7.'));
    const { show } = badgeShower(action);
    await expect(show(pageWith([GA_BEACON]))).resolves.toBeUndefined();
    await show(pageWith([GA_BEACON]));
    expect(action.setBadgeText).toHaveBeenCalledTimes(2);
  });
});
