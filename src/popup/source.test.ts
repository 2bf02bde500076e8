import { beforeEach, describe, expect, it, vi } from 'vitest';
import { packPage } from '../shared/page-wire';
import { ALL_FINDINGS, pageWith } from './test-support';

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/** The bits of the browser API the popup touches, as plain fakes. */
const fake = vi.hoisted(() => {
  const listeners = {
    session: new Set<(changes: Changes) => void>(),
    any: new Set<(changes: Changes, area: string) => void>(),
  };
  const event = <F>(set: Set<F>) => ({
    addListener: (f: F) => set.add(f),
    removeListener: (f: F) => set.delete(f),
  });
  const browser = {
    tabs: { query: vi.fn(async () => [{ id: 42 }]) },
    runtime: { sendMessage: vi.fn(async (): Promise<unknown> => ({ smartErgo: true, page: null })) },
    storage: {
      session: { onChanged: event(listeners.session) } as { onChanged?: unknown },
      onChanged: event(listeners.any),
    },
    i18n: { getMessage: vi.fn((key: string, subs?: string[]) => (key === 'hello' ? `Hello ${subs?.[0] ?? ''}` : '')) },
  };
  return { browser, listeners, event };
});

vi.mock('../shared/browser', () => ({ browser: fake.browser }));

const { asGetPageResponse, createBrowserSource, tabIdFromQuery } = await import('./source');

beforeEach(() => {
  fake.listeners.session.clear();
  fake.listeners.any.clear();
  fake.browser.storage.session = { onChanged: fake.event(fake.listeners.session) };
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
    expect(fake.browser.tabs.query).not.toHaveBeenCalled();
    expect(await createBrowserSource({ search: '' }).tabId()).toBe(42);
    expect(fake.browser.tabs.query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('asks the worker with a get-page message and checks the answer', async () => {
    const source = createBrowserSource({ search: '' });
    const page = pageWith([]);
    fake.browser.runtime.sendMessage.mockResolvedValueOnce({ smartErgo: true, page });
    expect(await source.getPage(9)).toEqual({ smartErgo: true, page });
    expect(fake.browser.runtime.sendMessage).toHaveBeenLastCalledWith({ type: 'get-page', tabId: 9, packed: true });

    fake.browser.runtime.sendMessage.mockResolvedValueOnce(undefined);
    await expect(source.getPage(9)).rejects.toThrow('the background worker gave no answer');
  });

  it('follows storage.session changes of the tab’s key only, until unsubscribed', () => {
    const seen: unknown[] = [];
    const stop = createBrowserSource({ search: '' }).onPageChange(3, (p) => seen.push(p));
    const page = pageWith([], { tabId: 3 });
    for (const l of fake.listeners.session) {
      l({ 'page:4': { newValue: pageWith([]) } });
      l({ 'page:3': { newValue: page } });
      l({ 'page:3': { oldValue: page } });
    }
    expect(seen).toEqual([page, null]);
    stop();
    expect(fake.listeners.session.size).toBe(0);
  });

  it('falls back to storage.onChanged for the session area', () => {
    fake.browser.storage.session = {};
    const seen: unknown[] = [];
    const stop = createBrowserSource({ search: '' }).onPageChange(3, (p) => seen.push(p));
    const page = pageWith([], { tabId: 3 });
    for (const l of fake.listeners.any) {
      l({ 'page:3': { newValue: page } }, 'local');
      l({ 'page:3': { newValue: page } }, 'session');
    }
    expect(seen).toEqual([page]);
    stop();
    expect(fake.listeners.any.size).toBe(0);
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
