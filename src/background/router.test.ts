import { describe, expect, it, vi } from 'vitest';
import type { Runtime } from '../shared/browser';
import { DEFAULT_SETTINGS } from '../core/blocking/settings';
import { createRouter } from './router';

const EXTENSION_ID = 'policylens-id';
const ORIGIN = 'chrome-extension://policylens-id/';

function setup() {
  const onContent = vi.fn(async () => undefined);
  const onGetPage = vi.fn(async (message: { tabId: number }) => ({ smartErgo: true, page: null, tabId: message.tabId }));
  const onUpdateSettings = vi.fn(async () => DEFAULT_SETTINGS);
  const onLogRequest = vi.fn(async () => ({ kind: 'opt-out' as const, to: 'optout@smartergo.com', subject: 'Opt Out', choices: [], sentAt: 1 }));
  const onGetBlocked = vi.fn(async () => ({ available: true, counts: [] }));
  const onLoadModule = vi.fn(async () => undefined);
  const route = createRouter({
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    onContent,
    onGetPage,
    onUpdateSettings,
    onLogRequest,
    onGetBlocked,
    onLoadModule,
  });
  return { route, onContent, onGetPage, onUpdateSettings, onLogRequest, onGetBlocked, onLoadModule };
}

const contentSender = (overrides: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender => ({
  id: EXTENSION_ID,
  url: 'https://www.smartergo.com/',
  frameId: 0,
  tab: { id: 4, index: 0, highlighted: false, active: true, pinned: false, incognito: false, url: 'https://www.smartergo.com/' },
  ...overrides,
});
const popupSender: Runtime.MessageSender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };

const observations = [{ source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1', initiatorType: 'img' }];

describe('router', () => {
  it('injects a module into the frame the browser names, and no module a message makes up', async () => {
    const { route, onContent, onLoadModule } = setup();
    await route({ type: 'load-module', module: 'leak-matcher' }, contentSender({ frameId: 3, documentId: 'D1' } as Partial<Runtime.MessageSender>));
    expect(onLoadModule).toHaveBeenCalledWith('leak-matcher', expect.objectContaining({ tabId: 4, frameId: 3, documentId: 'D1' }));
    expect(onContent).not.toHaveBeenCalled();

    onLoadModule.mockClear();
    await route({ type: 'load-module', module: '../../evil.js' }, contentSender());
    await route({ type: 'load-module', module: 'leak-matcher' }, contentSender({ url: 'https://evil.example/', tab: { id: 4, index: 0, highlighted: false, active: true, pinned: false, incognito: false, url: 'https://evil.example/' } }));
    expect(await route({ type: 'load-module', module: 'leak-matcher' }, popupSender)).toMatchObject({ error: expect.any(String) });
    expect(onLoadModule).not.toHaveBeenCalled();
  });

  it('hands a valid content message to the handler with the tab the browser names', async () => {
    const { route, onContent } = setup();
    await route({ type: 'observations', observations, tabId: 99 }, contentSender());
    expect(onContent).toHaveBeenCalledWith(
      { type: 'observations', observations },
      { tabId: 4, frameId: 0, url: 'https://www.smartergo.com/', tabUrl: 'https://www.smartergo.com/' },
    );
  });

  const frameSender = (url: string, origin: string | undefined, overrides: Partial<Runtime.MessageSender> = {}): Runtime.MessageSender =>
    ({ ...contentSender({ url, frameId: 3, ...overrides }), ...(origin === undefined ? {} : { origin }) }) as Runtime.MessageSender;

  it.each<[string, string, string | undefined]>([
    ['an about:blank frame (Chromium)', 'about:blank', 'https://www.smartergo.com'],
    ['a srcdoc frame (Chromium)', 'about:srcdoc', 'https://www.smartergo.com'],
    ['a data: frame (opaque origin)', 'data:text/html,<img src=x>', 'null'],
    ['a blob: frame', 'blob:https://www.smartergo.com/0b5e6f0e-3f7a-4a55-9a4c-1d2b3c4d5e6f', 'https://www.smartergo.com'],
    ['an about:blank frame (Firefox: no sender.origin)', 'about:blank', undefined],
  ])('attributes %s of a SmartErgo tab to that tab', async (_name, url, origin) => {
    const { route, onContent } = setup();
    await route({ type: 'observations', observations, tabId: 99 }, frameSender(url, origin));
    expect(onContent).toHaveBeenCalledWith(
      { type: 'observations', observations },
      { tabId: 4, frameId: 3, url, tabUrl: 'https://www.smartergo.com/' },
    );
  });

  it.each<[string, Runtime.MessageSender]>([
    ['an about:blank frame of another origin', frameSender('about:blank', 'https://evil.example')],
    ['a blob: frame of another origin', frameSender('blob:https://evil.example/0b5e', 'https://evil.example')],
    ['a blob: frame whose origin is not SmartErgo, whatever the URL says', frameSender('blob:https://www.smartergo.com/0b5e', 'https://evil.example')],
    ['a local frame in a tab that is not SmartErgo', frameSender('about:blank', undefined, { tab: { ...contentSender().tab!, url: 'https://evil.example/' } })],
    ['a local frame in a tab whose URL the browser does not show', frameSender('data:text/html,x', 'null', { tab: { ...contentSender().tab!, url: undefined } })],
    ['a top-level blob: document', frameSender('blob:https://www.smartergo.com/0b5e', 'https://www.smartergo.com', { frameId: 0 })],
    ['a javascript: URL', frameSender('javascript:alert(1)', 'https://www.smartergo.com')],
  ])('drops a message from %s', async (_name, sender) => {
    const { route, onContent } = setup();
    await route({ type: 'observations', observations }, sender);
    expect(onContent).not.toHaveBeenCalled();
  });

  it('passes on the sending document’s id and life-cycle state the browser gives (Chromium), never the message’s', async () => {
    const { route, onContent } = setup();
    const sender = { ...contentSender(), documentId: 'DOC1', documentLifecycle: 'prerender' } as Runtime.MessageSender;
    await route({ type: 'observations', observations, documentId: 'FORGED', documentLifecycle: 'active' }, sender);
    expect(onContent).toHaveBeenCalledWith(
      { type: 'observations', observations },
      { tabId: 4, frameId: 0, url: 'https://www.smartergo.com/', tabUrl: 'https://www.smartergo.com/', documentId: 'DOC1', documentLifecycle: 'prerender' },
    );
  });

  it('answers the popup', async () => {
    const { route, onGetPage } = setup();
    await expect(route({ type: 'get-page', tabId: 4 }, popupSender)).resolves.toMatchObject({ smartErgo: true });
    expect(onGetPage).toHaveBeenCalledWith({ type: 'get-page', tabId: 4 });
    await route({ type: 'get-page', tabId: 4, firstScreen: 12 }, popupSender);
    expect(onGetPage).toHaveBeenLastCalledWith({ type: 'get-page', tabId: 4, firstScreen: 12 });
  });

  it.each<[string, unknown, Runtime.MessageSender]>([
    ['another extension', { type: 'observations', observations }, contentSender({ id: 'someone-else' })],
    ['a page that is not SmartErgo', { type: 'observations', observations }, contentSender({ url: 'https://evil.example/' })],
    ['a look-alike host', { type: 'observations', observations }, contentSender({ url: 'https://smartergo.com.evil.example/' })],
    ['no tab', { type: 'observations', observations }, contentSender({ tab: undefined })],
    ['a content script asking for another tab', { type: 'get-page', tabId: 1 }, contentSender()],
    ['null', null, contentSender()],
    ['a string', 'observations', contentSender()],
    ['an unknown type', { type: 'block-everything' }, contentSender()],
    ['observations not a list', { type: 'observations', observations: 'x' }, contentSender()],
    ['a forged cookies-API observation', { type: 'observations', observations: [{ source: 'cookies-api', cookie: {} }] }, contentSender()],
    ['a web-request observation from a page', { type: 'observations', observations: [{ source: 'web-request', url: 'https://x/', resourceType: 'ping' }] }, contentSender()],
    ['a URL that is not a string', { type: 'observations', observations: [{ source: 'resource-timing', url: 42, initiatorType: 'img' }] }, contentSender()],
    ['a 100 KB URL', { type: 'observations', observations: [{ source: 'resource-timing', url: `https://x.example/${'a'.repeat(100_000)}`, initiatorType: 'img' }] }, contentSender()],
    ['too many observations', { type: 'observations', observations: Array(501).fill(observations[0]) }, contentSender()],
    ['a prototype-polluting body', JSON.parse('{"type":"observations","observations":[],"__proto__":{"polluted":true}}'), contentSender({ url: 'https://evil.example/' })],
  ])('drops a message from %s', async (_name, message, sender) => {
    const { route, onContent, onGetPage } = setup();
    await expect(route(message, sender)).resolves.toBeUndefined();
    expect(onContent).not.toHaveBeenCalled();
    expect(onGetPage).not.toHaveBeenCalled();
  });

  it.each<[string, unknown]>([
    ['a negative tab id', { type: 'get-page', tabId: -1 }],
    ['a tab id that is not a number', { type: 'get-page', tabId: '4' }],
    ['a fractional tab id', { type: 'get-page', tabId: 1.5 }],
    ['a first screen of no rows', { type: 'get-page', tabId: 4, firstScreen: 0 }],
    ['a first screen of the whole page', { type: 'get-page', tabId: 4, firstScreen: 100_000 }],
    ['an unknown type', { type: 'delete-everything' }],
  ])('tells the popup what is wrong with %s', async (_name, message) => {
    const { route, onGetPage } = setup();
    await expect(route(message, popupSender)).resolves.toMatchObject({ error: expect.any(String) });
    expect(onGetPage).not.toHaveBeenCalled();
  });

  it('hands the popup’s settings change, request log entry and blocked-count question to their handlers', async () => {
    const { route, onUpdateSettings, onLogRequest, onGetBlocked } = setup();
    await route({ type: 'update-settings', change: { cookies: { all: true }, gpc: true } }, popupSender);
    expect(onUpdateSettings).toHaveBeenCalledWith({ cookies: { all: true }, gpc: true });
    await route({ type: 'log-request', kind: 'opt-out', choices: ['direct-marketing'] }, popupSender);
    expect(onLogRequest).toHaveBeenCalledWith({ type: 'log-request', kind: 'opt-out', choices: ['direct-marketing'] });
    await route({ type: 'get-blocked', tabId: 3 }, popupSender);
    expect(onGetBlocked).toHaveBeenCalledWith(3);
  });

  it.each<[string, unknown]>([
    ['a setting that is not a boolean', { type: 'update-settings', change: { gpc: 'yes' } }],
    ['an unknown cookie purpose', { type: 'update-settings', change: { cookies: { purposes: ['everything'] } } }],
    ['a cookie name with a separator', { type: 'update-settings', change: { cookies: { names: ['a;b'] } } }],
    ['a tracker choice that is neither block nor allow', { type: 'update-settings', change: { trackers: { 'org:Google': 'maybe' } } }],
    ['a tracker target of no known form', { type: 'update-settings', change: { trackers: { 'google.com': 'block' } } }],
    ['an unknown opt-out choice', { type: 'log-request', kind: 'opt-out', choices: ['everything'] }],
  ])('refuses %s', async (_name, message) => {
    const { route, onUpdateSettings, onLogRequest } = setup();
    await expect(route(message, popupSender)).resolves.toMatchObject({ error: expect.any(String) });
    expect(onUpdateSettings).not.toHaveBeenCalled();
    expect(onLogRequest).not.toHaveBeenCalled();
  });

  it('never takes a settings change from a content script', async () => {
    const { route, onUpdateSettings } = setup();
    await expect(route({ type: 'update-settings', change: { cookies: { all: false } } }, contentSender())).resolves.toBeUndefined();
    expect(onUpdateSettings).not.toHaveBeenCalled();
  });
});
