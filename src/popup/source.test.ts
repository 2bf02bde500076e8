import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { packPage } from '../shared/page-wire';
import { ALL_FINDINGS, pageWith } from './test-support';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** The bits of the browser API the popup touches (through shared/runtime.ts), as plain fakes on the `chrome` global. */
const fake = (() => {
  const listeners = new Set<(changes: Changes, area: string) => void>();
  const chrome = {
    tabs: { query: vi.fn(async () => [{ id: 42 }]) },
    runtime: { sendMessage: vi.fn(async (): Promise<unknown> => ({ smartErgo: true, page: null })) },
    storage: {
      onChanged: {
        addListener: (f: (changes: Changes, area: string) => void) => listeners.add(f),
        removeListener: (f: (changes: Changes, area: string) => void) => listeners.delete(f),
      },
    },
    i18n: { getMessage: vi.fn((key: string, subs?: string[]) => (key === 'hello' ? `Hello ${subs?.[0] ?? ''}` : '')) },
  };
  return { chrome, listeners };
})();

const { asGetPageResponse, createBrowserSource, tabIdFromQuery } = await import('./source');

beforeEach(() => {
  fake.listeners.clear();
  vi.stubGlobal('chrome', fake.chrome);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('tabIdFromQuery', () => {
  it('reads ?tab=<id> and ignores anything else', () => {
    expect(tabIdFromQuery('?tab=12')).toBe(12);
    expect(tabIdFromQuery('?x=1&tab=0')).toBe(0);
    expect(tabIdFromQuery('?tab=-1')).toBeUndefined();
    expect(tabIdFromQuery('?tab=1e3')).toBeUndefined();
    expect(tabIdFromQuery('')).toBeUndefined();
  });
});

describe('createBrowserSource', () => {
  it('takes the tab from the query, else the active tab of the current window', async () => {
    expect(await createBrowserSource({ search: '?tab=5' }).tabId()).toBe(5);
    expect(fake.chrome.tabs.query).not.toHaveBeenCalled();
    expect(await createBrowserSource({ search: '' }).tabId()).toBe(42);
    expect(fake.chrome.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('asks the worker with a get-page message and checks the answer', async () => {
    const source = createBrowserSource({ search: '' });
    const page = pageWith([]);
    fake.chrome.runtime.sendMessage.mockResolvedValueOnce({ smartErgo: true, page });
    expect(await source.getPage(9)).toEqual({ smartErgo: true, page });
    expect(fake.chrome.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'get-page', tabId: 9, packed: true });

    fake.chrome.runtime.sendMessage.mockResolvedValueOnce(undefined);
    await expect(source.getPage(9)).rejects.toThrow('the background worker gave no answer');
  });

  it('follows storage.session changes of the tab’s key only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = createBrowserSource({ search: '' }).onPageChange(3, (p) => seen.push(p));
    const page = pageWith([], { tabId: 3 });
    for (const l of fake.listeners) {
      l({ 'page:4': { newValue: pageWith([]) } }, 'session');
      l({ 'page:3': { newValue: page } }, 'local');
      l({ 'page:3': { newValue: page } }, 'session');
      l({ 'page:3': { oldValue: page } }, 'session');
    }
    expect(seen).toEqual([page, null]);
    stop();
    expect(fake.listeners.size).toBe(0);
  });

  it('translates with i18n.getMessage, showing the key when a message is missing', () => {
    const source = createBrowserSource({ search: '' });
    expect(source.t('hello', ['Ada'])).toBe('Hello Ada');
    expect(source.t('missing_key')).toBe('missing_key');
  });
});

describe('asGetPageResponse, packed', () => {
  it('unpacks the record the worker packed for the popup', () => {
    const page = pageWith(ALL_FINDINGS);
    expect(asGetPageResponse(JSON.parse(JSON.stringify({ smartErgo: true, packed: packPage(page) })))).toEqual({ smartErgo: true, page });
    expect(asGetPageResponse({ smartErgo: false, packed: null })).toEqual({ smartErgo: false, page: null });
  });
});
