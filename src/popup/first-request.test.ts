import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** A `chrome` global with what the first request uses; the polyfill-backed source is faked apart. */
function fakeChrome(answer: unknown) {
  const listeners = new Set<Listener>();
  const chrome = {
    runtime: { sendMessage: vi.fn(async () => answer) },
    tabs: { query: vi.fn(async () => [{ id: 7 }]) },
    storage: { onChanged: { addListener: (f: Listener) => listeners.add(f), removeListener: (f: Listener) => listeners.delete(f) } },
  };
  vi.stubGlobal('chrome', chrome);
  return { chrome, change: (key: string, area = 'session') => [...listeners].forEach((f) => f({ [key]: {} }, area)), listeners };
}

const fallback = vi.hoisted(() => ({ sendMessage: vi.fn(async (): Promise<unknown> => ({ smartErgo: true, page: null })) }));
vi.mock('../shared/browser', () => ({ browser: { runtime: fallback, tabs: { query: async () => [{ id: 7 }] } } }));

const { askEarly } = await import('./first-request');
const { createBrowserSource } = await import('./source');

afterEach(() => {
  vi.unstubAllGlobals();
  fallback.sendMessage.mockClear();
});

const record = { url: 'https://www.smartergo.com/', findings: [] };

describe('the popup’s first request', () => {
  it('asks for the tab in ?tab= at once, and the source takes that answer for it once', async () => {
    const { chrome, listeners } = fakeChrome({ smartErgo: true, page: record });
    const first = askEarly('?tab=12');
    const source = createBrowserSource({ search: '?tab=12' }, first);
    expect(await source.tabId()).toBe(12);
    expect(await source.getPage(12)).toEqual({ smartErgo: true, page: record });
    expect(chrome.runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-page', tabId: 12, packed: true });
    expect(fallback.sendMessage).not.toHaveBeenCalled();
    expect(listeners.size).toBe(0); // it stopped watching
    // A second question is a new one.
    await source.getPage(12);
    expect(fallback.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('asks about the active tab when the popup has no ?tab=', async () => {
    const { chrome } = fakeChrome({ smartErgo: false, page: null });
    const first = askEarly('');
    expect(await first.tabId).toBe(7);
    await first.answer;
    expect(chrome.runtime.sendMessage).toHaveBeenCalledWith({ type: 'get-page', tabId: 7, packed: true });
  });

  it('asks again when the tab’s record changed after the first question (its answer may be older)', async () => {
    const { change } = fakeChrome({ smartErgo: true, page: record });
    const first = askEarly('?tab=12');
    await first.answer;
    change('page:3'); // another tab: no matter
    change('page:12', 'local'); // not the session area
    const source = createBrowserSource({ search: '?tab=12' }, first);
    change('page:12');
    await source.getPage(12);
    expect(fallback.sendMessage).toHaveBeenCalledWith({ type: 'get-page', tabId: 12, packed: true });
  });

  it('does not take an answer asked for another tab', async () => {
    fakeChrome({ smartErgo: true, page: record });
    const source = createBrowserSource({ search: '?tab=12' }, askEarly('?tab=12'));
    await source.getPage(13);
    expect(fallback.sendMessage).toHaveBeenCalledWith({ type: 'get-page', tabId: 13, packed: true });
  });
});
