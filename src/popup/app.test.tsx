// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { PageRecord } from '../core/model';
import { pageView } from '../core/page-view';
import type { FirstScreenResponse, GetPageResponse } from '../shared/messages';
import { App } from './components/app';
import { FIRST_SCREEN_ROWS } from './layout';
import { startPopup, type PopupState } from './state';
import {
  ALL_FINDINGS,
  deferred,
  EMAIL_LEAK,
  FakeSource,
  FB_PIXEL,
  GA_BEACON,
  GA_COOKIE,
  pageWith,
  SCRIPT_COOKIE,
  SECTION_TITLES,
} from './test-support';
import { loadDetails } from './components/finding-row';

// Rows load their details' code when first opened; here it is in before any test opens one.
beforeAll(() => loadDetails());

let mounted: { container: HTMLElement; state: PopupState } | undefined;

afterEach(() => {
  if (!mounted) return;
  mounted.state.stop();
  render(null, mounted.container);
  mounted.container.remove();
  mounted = undefined;
});

async function mount(source: FakeSource, options: { wait?: boolean } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const state = startPopup(source);
  await act(async () => {
    render(<App state={state} t={source.t} sectionTitles={SECTION_TITLES} />, container);
    if (options.wait !== false) await state.ready;
  });
  mounted = { container, state };
  return mounted;
}

const answering = (response: GetPageResponse) => async () => response;
const $ = (root: ParentNode, selector: string): HTMLElement => {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (root: ParentNode, id: string): HTMLElement => $(root, `[data-finding-id="${CSS.escape(id)}"]`);

/**
 * What a browser does when a key is pressed on a focused element: Enter activates a
 * button on keydown, Space on keyup, unless a handler prevented the default. happy-dom
 * does not do this itself, so the test plays the browser's part; what it checks of
 * ours is that the control is a real, focusable button and nothing cancels the keys.
 */
async function press(el: HTMLElement, key: 'Enter' | ' ') {
  await act(() => {
    el.focus();
    const down = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    const downAllowed = el.dispatchEvent(down);
    const up = new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true });
    const upAllowed = el.dispatchEvent(up);
    const activates = el instanceof HTMLButtonElement && !el.disabled && (key === 'Enter' ? downAllowed : downAllowed && upAllowed);
    if (activates) el.click();
  });
}

describe('popup on a SmartErgo page with findings', () => {
  const full = () => new FakeSource(answering({ smartErgo: true, page: pageWith(ALL_FINDINGS) }));

  it('shows the name, the host and the summary line', async () => {
    const { container } = await mount(full());
    expect(text(container.querySelector('h1'))).toBe('PolicyLens');
    expect(text(container.querySelector('[data-testid="host"]'))).toBe('www.smartergo.com');
    expect(text(container.querySelector('[data-testid="summary"]'))).toBe(
      '4 trackers, 2 beacons, 4 cookies; 1 contradicts the policy, 2 not covered by the policy',
    );
    // The contradiction is stressed, not only coloured: it is a <strong>.
    expect(text(container.querySelector('[data-testid="summary"] strong'))).toBe('1 contradicts the policy');
  });

  it('puts contradictions first and groups by policy section with the quote', async () => {
    const { container } = await mount(full());
    const groups = [...container.querySelectorAll('section')];
    expect(groups.map((g) => text(g.querySelector('h2')))).toEqual([
      'Information Sharing and Disclosure',
      'Not mentioned in the policy',
      'Information Collection',
      'Cookies and Tracking Technology',
    ]);
    const first = groups[0];
    expect(first?.querySelectorAll('blockquote')[0]?.textContent).toBe(EMAIL_LEAK.match.citations[0]?.quote);
    expect([...(first?.querySelectorAll('li') ?? [])].map((li) => li.dataset.verdict)).toEqual(['contradicts', 'not-covered']);
    expect(groups[1]?.querySelector('blockquote')).toBeNull();
    const rows = [...container.querySelectorAll<HTMLElement>('li[data-finding-id]')];
    expect(rows[0]?.dataset).toMatchObject({ findingId: EMAIL_LEAK.id, kind: 'request', verdict: 'contradicts' });
    expect(rows).toHaveLength(ALL_FINDINGS.length);
  });

  it('shows each finding as a label, a kind and the verdict in words', async () => {
    const { container } = await mount(full());
    const pixel = row(container, FB_PIXEL.id);
    expect(pixel.dataset.kind).toBe('beacon');
    expect(text($(pixel, '.finding__label'))).toBe('Meta');
    expect(text($(pixel, '.chip'))).toBe('Web beacon (image)');
    expect(text($(pixel, '.verdict'))).toContain('Not in the policy');
  });

  it('expands a finding from the keyboard and shows why', async () => {
    const { container } = await mount(full());
    const leak = row(container, EMAIL_LEAK.id);
    const button = $(leak, 'button');
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const region = $(leak, `#${CSS.escape(button.getAttribute('aria-controls') ?? '')}`);
    expect(region.hidden).toBe(true);

    await press(button, 'Enter');
    expect(document.activeElement).toBe(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
    const details = text(region);
    expect(details).toContain('track.hubspot.com');
    expect(details).toContain('HubSpot');
    expect(details).toContain('Sent to another company');
    expect(details).toContain('Email address and Name');
    expect(details).toContain(source_t('reason_personalDataToThirdParty', ['HubSpot']));

    await press(button, ' ');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
  });

  it('describes a cookie in plain words', async () => {
    const { container } = await mount(full());
    const ga = row(container, GA_COOKIE.id);
    await press($(ga, 'button'), ' ');
    const details = text(ga);
    expect(details).toContain('smartergo.com and its subdomains');
    expect(details).toContain('Set by SmartErgo');
    expect(details).toContain('2 years');
    expect(details).toContain('Sent only over encrypted connections');
    expect(details).toContain('Readable by the page');
    expect(details).toContain('Times seen3');

    const hint = row(container, SCRIPT_COOKIE.id);
    await press($(hint, 'button'), 'Enter');
    expect(text(hint)).toContain('Not known: only the page');
  });

  it('says how many findings were past the per-page limit', async () => {
    const { container } = await mount(new FakeSource(answering({ smartErgo: true, page: pageWith([GA_COOKIE], { overflow: 3 }) })));
    expect(text($(container, '[data-testid="overflow"]'))).toBe('3 more things were seen but not kept, to save memory.');
  });

  it('uses only keys that exist in messages.json', async () => {
    const source = full();
    const { container } = await mount(source);
    for (const button of container.querySelectorAll<HTMLElement>('li button')) await press(button, 'Enter');
    expect(container.querySelectorAll('[aria-expanded="true"]')).toHaveLength(ALL_FINDINGS.length);
    expect([...source.missing]).toEqual([]);
  });
});

function source_t(key: string, substitutions?: string[]): string {
  return new FakeSource().t(key, substitutions);
}

describe('popup states', () => {
  it('shows a loading state until the worker answers', async () => {
    const answer = deferred<GetPageResponse>();
    const source = new FakeSource(() => answer.promise);
    const { container, state } = await mount(source, { wait: false });
    expect(text($(container, '[data-testid="loading"]'))).toBe('Reading this page…');
    await act(async () => {
      answer.resolve({ smartErgo: true, page: pageWith([GA_COOKIE]) });
      await state.ready;
    });
    expect(container.querySelector('[data-testid="loading"]')).toBeNull();
    expect(container.querySelectorAll('[data-finding-id]')).toHaveLength(1);
  });

  it('says plainly that a page is not part of SmartErgo', async () => {
    const { container } = await mount(new FakeSource(answering({ smartErgo: false, page: null })));
    expect(text($(container, '[data-testid="not-smartergo"]'))).toBe(
      "PolicyLens looks at SmartErgo's website (smartergo.com). This page is not part of it.",
    );
    expect(container.querySelector('[data-testid="summary"]')).toBeNull();
    expect(container.querySelector('[data-testid="empty"]')).toBeNull();
  });

  it('says when nothing was collected yet, distinct from a foreign page', async () => {
    for (const page of [null, pageWith([])]) {
      const { container } = await mount(new FakeSource(answering({ smartErgo: true, page })));
      expect(text($(container, '[data-testid="empty"]'))).toBe('Nothing collected on this page so far.');
      expect(container.querySelector('[data-testid="not-smartergo"]')).toBeNull();
      mounted?.state.stop();
      render(null, container);
    }
  });

  it('shows an error when the worker cannot answer', async () => {
    const source = new FakeSource(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const { container } = await mount(source);
    const error = $(container, '[data-testid="error"]');
    expect(error.getAttribute('role')).toBe('alert');
    expect(text(error)).toBe('PolicyLens could not read this tab: Could not establish connection. Receiving end does not exist.');
  });

  it('shows an error when there is no tab', async () => {
    const source = new FakeSource();
    source.tab = undefined; // (a default parameter would turn an explicit undefined back into 7)
    const { container } = await mount(source);
    expect(text($(container, '[data-testid="error"]'))).toBe(
      'PolicyLens could not read this tab: there is no open tab to look at.',
    );
  });
});

describe('live updates', () => {
  it('follows the tab while the popup is open, keeping what was expanded', async () => {
    const source = new FakeSource(answering({ smartErgo: true, page: pageWith([GA_COOKIE]) }));
    const { container } = await mount(source);
    await press($(row(container, GA_COOKIE.id), 'button'), 'Enter');

    const next: PageRecord = pageWith([GA_COOKIE, GA_BEACON, EMAIL_LEAK]);
    await act(() => source.change(7, next));
    expect(container.querySelectorAll('[data-finding-id]')).toHaveLength(3);
    expect(text($(container, '[data-testid="summary"]'))).toBe(
      '2 trackers, 1 beacon, 1 cookie; 1 contradicts the policy',
    );
    expect($(row(container, GA_COOKIE.id), 'button').getAttribute('aria-expanded')).toBe('true');
    expect(container.querySelector('section')?.dataset.verdict).toBe('contradicts');
  });

  it('goes from empty to findings, and asks again when the record goes away', async () => {
    let response: GetPageResponse = { smartErgo: true, page: null };
    const source = new FakeSource(async () => response);
    const { container } = await mount(source);
    expect(container.querySelector('[data-testid="empty"]')).not.toBeNull();

    await act(() => source.change(7, pageWith([FB_PIXEL])));
    expect(container.querySelector('[data-testid="empty"]')).toBeNull();
    expect(row(container, FB_PIXEL.id).dataset.verdict).toBe('not-covered');

    response = { smartErgo: false, page: null };
    await act(async () => {
      source.change(7, null);
      await Promise.resolve();
    });
    expect(source.requests).toEqual([7, 7]);
    expect(container.querySelector('[data-testid="not-smartergo"]')).not.toBeNull();
  });

  it('lets a change that arrives during the first request win over its older answer', async () => {
    const answer = deferred<GetPageResponse>();
    const source = new FakeSource(() => answer.promise);
    const { container, state } = await mount(source, { wait: false });
    await act(async () => {
      await Promise.resolve(); // the popup has subscribed
      source.change(7, pageWith([GA_COOKIE, FB_PIXEL]));
      answer.resolve({ smartErgo: true, page: pageWith([GA_COOKIE]) });
      await state.ready;
    });
    expect(container.querySelectorAll('[data-finding-id]')).toHaveLength(2);
  });

  it('stops listening when stopped', async () => {
    const source = new FakeSource(answering({ smartErgo: true, page: null }));
    const { state } = await mount(source);
    expect(source.listeners.get(7)?.size).toBe(1);
    state.stop();
    expect(source.listeners.get(7)?.size).toBe(0);
  });
});

describe('a page with many findings', () => {
  it('shows the first rows of a group and the rest on request, so the popup opens fast', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...GA_BEACON, id: `beacon:www.google-analytics.com/c${i}`, path: `/c${i}` }));
    const { container } = await mount(new FakeSource(answering({ smartErgo: true, page: pageWith(many) })));
    const rows = () => container.querySelectorAll('[data-finding-id]').length;
    // The first frame holds what the popup shows without scrolling; the rest of the page follows it.
    expect(rows()).toBe(FIRST_SCREEN_ROWS);
    expect($(container, '.groups').getAttribute('aria-busy')).toBe('true');
    expect(container.querySelector('[data-testid="show-more"]')).toBeNull();
    await vi.waitFor(() => expect(rows()).toBe(50));
    expect($(container, '.groups').hasAttribute('aria-busy')).toBe(false);
    expect(text($(container, '[data-testid="show-more"]'))).toBe('Show 50 more');
    await act(() => $(container, '[data-testid="show-more"]').click());
    expect(rows()).toBe(100);
    expect(text($(container, '[data-testid="show-more"]'))).toBe('Show 20 more');
    await act(() => $(container, '[data-testid="show-more"]').click());
    expect(rows()).toBe(120);
    expect(container.querySelector('[data-testid="show-more"]')).toBeNull();
  });

  it('draws the worker’s first screen while the whole record is on its way, then the rest', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ...GA_BEACON, id: `beacon:www.google-analytics.com/c${i}`, path: `/c${i}` }));
    const record = pageWith([EMAIL_LEAK, ...many]);
    const whole = deferred<GetPageResponse>();
    const source = new FakeSource(() => whole.promise);
    source.firstScreen = async () => ({ smartErgo: true, view: pageView(record, Object.keys(SECTION_TITLES), FIRST_SCREEN_ROWS) });
    const { container, state } = await mount(source, { wait: false });
    await act(async () => {
      await Promise.resolve();
    });
    const rows = () => [...container.querySelectorAll<HTMLElement>('[data-finding-id]')].map((el) => el.dataset.findingId);
    // Counted over the whole page, drawn from a dozen rows.
    expect(text($(container, '[data-testid="summary"]'))).toBe('121 trackers, 120 beacons, 0 cookies; 1 contradicts the policy');
    expect(text($(container, '[data-testid="host"]'))).toBe('www.smartergo.com');
    expect(rows()).toHaveLength(FIRST_SCREEN_ROWS);
    expect(rows()[0]).toBe(EMAIL_LEAK.id);
    expect($(container, '.groups').getAttribute('aria-busy')).toBe('true');
    // The export needs the record itself.
    expect(container.querySelector('[data-testid="export"]')).toBeNull();
    await act(async () => {
      whole.resolve({ smartErgo: true, page: record });
      await state.ready;
    });
    await vi.waitFor(() => expect(rows()).toHaveLength(1 + 50));
    expect(rows()[0]).toBe(EMAIL_LEAK.id);
    expect($(container, '.groups').hasAttribute('aria-busy')).toBe(false);
    expect(state.firstScreen.value).toBeNull();
  });

  it('never draws a first screen that comes after the whole record', async () => {
    const late = deferred<FirstScreenResponse | undefined>();
    const source = new FakeSource(answering({ smartErgo: true, page: pageWith([GA_COOKIE]) }));
    source.firstScreen = () => late.promise;
    const { container, state } = await mount(source);
    await act(async () => {
      late.resolve({ smartErgo: true, view: pageView(pageWith([GA_COOKIE, FB_PIXEL]), [], FIRST_SCREEN_ROWS) });
      await late.promise;
    });
    expect(state.firstScreen.value).toBeNull();
    expect(container.querySelectorAll('[data-finding-id]')).toHaveLength(1);
  });

  it('shows the record’s error when the first screen fails too', async () => {
    const source = new FakeSource(async () => {
      throw new Error('the background worker gave no answer');
    });
    source.firstScreen = async () => {
      throw new Error('the background worker gave no answer');
    };
    const { container } = await mount(source);
    expect(text($(container, '[data-testid="error"]'))).toBe('PolicyLens could not read this tab: the background worker gave no answer');
  });
});
