import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** A `chrome` global with what the popup's source uses (shared/runtime.ts); `answer` answers every message. */
function fakeChrome(answer: (message: { firstScreen?: number }) => unknown) {
  const listeners = new Set<Listener>();
  const chrome = {
    runtime: { sendMessage: vi.fn(async (message: { firstScreen?: number }) => answer(message)) },
    tabs: { query: vi.fn(async () => [{ id: 7 }]) },
    storage: { onChanged: { addListener: (f: Listener) => listeners.add(f), removeListener: (f: Listener) => listeners.delete(f) } },
  };
  vi.stubGlobal('chrome', chrome);
  return { chrome, change: (key: string, area = 'session') => [...listeners].forEach((f) => f({ [key]: {} }, area)), listeners };
}

const { askEarly } = await import('./first-request');
const { FIRST_SCREEN_ROWS } = await import('./layout');
const { createBrowserSource } = await import('./source');

afterEach(() => {
  vi.unstubAllGlobals();
});

const record = { url: 'https://www.smartergo.com/', findings: [] };
const view = { page: { tabId: 12, url: record.url, startedAt: 0, overflow: 0 }, counts: { total: 0 }, groups: [], complete: true };
/** The worker's two answers: the first screen, or the whole record. */
const worker = (message: { firstScreen?: number }) => (message.firstScreen ? { smartErgo: true, view } : { smartErgo: true, page: record });

describe('the popup’s first request', () => {
  it('asks for the first screen of the tab in ?tab= at once, then for the whole record, and the source takes both once', async () => {
    const { chrome, listeners } = fakeChrome(worker);
    const first = askEarly('?tab=12');
    expect(chrome.runtime.sendMessage.mock.calls).toEqual([[{ type: 'get-page', tabId: 12, firstScreen: FIRST_SCREEN_ROWS }]]);
    const source = createBrowserSource({ search: '?tab=12' }, first);
    expect(await source.tabId()).toBe(12);
    expect(await source.getFirstScreen?.(12)).toEqual({ smartErgo: true, view });
    expect(await source.getPage(12)).toEqual({ smartErgo: true, page: record });
    expect(chrome.runtime.sendMessage.mock.calls).toEqual([
      [{ type: 'get-page', tabId: 12, firstScreen: FIRST_SCREEN_ROWS }],
      [{ type: 'get-page', tabId: 12, packed: true }],
    ]);
    expect(listeners.size).toBe(0); // it stopped watching
    // Second questions are new ones.
    expect(await source.getFirstScreen?.(12)).toBeUndefined();
    await source.getPage(12);
    expect(chrome.runtime.sendMessage).toHaveBeenCalledTimes(3);
  });

  it('asks for the whole record only once the first screen is painted', async () => {
    const frames: Array<() => void> = [];
    vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
    const { chrome } = fakeChrome(worker);
    const first = askEarly('?tab=12');
    await first.firstScreen;
    await Promise.resolve();
    expect(chrome.runtime.sendMessage).toHaveBeenCalledTimes(1);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(await first.answer).toEqual({ smartErgo: true, page: record });
    expect(chrome.runtime.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('asks about the active tab when the popup has no ?tab=', async () => {
    const { chrome } = fakeChrome(() => ({ smartErgo: false, page: null }));
    const first = askEarly('');
    expect(await first.tabId).toBe(7);
    await first.answer;
    expect(chrome.runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-page', tabId: 7, packed: true });
  });

  it('asks again when the tab’s record changed after the first question (its answer may be older)', async () => {
    const { chrome, change } = fakeChrome(worker);
    const first = askEarly('?tab=12');
    await first.answer;
    change('page:3'); // another tab: no matter
    change('page:12', 'local'); // not the session area
    const source = createBrowserSource({ search: '?tab=12' }, first);
    change('page:12');
    await source.getPage(12);
    expect(chrome.runtime.sendMessage).toHaveBeenCalledTimes(3);
    expect(chrome.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'get-page', tabId: 12, packed: true });
  });

  it('does not take answers asked for another tab', async () => {
    const { chrome } = fakeChrome(worker);
    const source = createBrowserSource({ search: '?tab=12' }, askEarly('?tab=12'));
    expect(await source.getFirstScreen?.(13)).toBeUndefined();
    await source.getPage(13);
    expect(chrome.runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-page', tabId: 13, packed: true });
  });
});
