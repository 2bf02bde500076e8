// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, withChange, type BlockingSettings, type SettingsChange } from '../core/blocking/settings';
import { composeOptOut } from '../core/opt-out';
import type { OptOutChoice, RightsRequestKind } from '../core/rights';
import type { GetBlockedResponse, LoggedRightsRequest } from '../shared/messages';
import { App, loadPanels } from './components/app';
import type { ControlsSource, LocalState } from './controls-source';
import { startControls, type ControlsState } from './controls-state';
import { startPopup, type PopupState } from './state';
import { ALL_FINDINGS, FakeSource, FB_PIXEL, GA_BEACON, GA_COOKIE, pageWith, SECTION_TITLES } from './test-support';
import { loadDetails } from './components/finding-row';

// Rows load their details' code when first opened; here it is in before any test opens one.
beforeAll(() => loadDetails());

/** Plays the worker and storage.local: a settings change is stored and announced, like the real one. */
class FakeControls implements ControlsSource {
  features = { thirdPartyCookieBlocking: true, blockedCounts: true };
  local: LocalState = { settings: DEFAULT_SETTINGS, log: [] };
  listeners = new Set<(change: Partial<LocalState>) => void>();
  changes: SettingsChange[] = [];
  logged: [RightsRequestKind, OptOutChoice[]][] = [];
  copied: string[] = [];
  blocked: GetBlockedResponse = { available: true, counts: [] };
  fail: string | null = null;

  async load() {
    return this.local;
  }
  onChange(listener: (change: Partial<LocalState>) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private announce(change: Partial<LocalState>) {
    this.local = { ...this.local, ...change };
    for (const l of this.listeners) l(change);
  }
  async updateSettings(change: SettingsChange) {
    if (this.fail) throw new Error(this.fail);
    this.changes.push(change);
    this.announce({ settings: withChange(this.local.settings, change) });
  }
  async logRequest(kind: RightsRequestKind, choices: OptOutChoice[]) {
    this.logged.push([kind, choices]);
    const entry: LoggedRightsRequest = { kind, to: 'optout@smartergo.com', subject: 'Opt Out', choices, sentAt: Date.UTC(2025, 5, 1, 12) };
    this.announce({ log: [entry, ...this.local.log] });
  }
  async getBlocked() {
    return this.blocked;
  }
  async copy(text: string) {
    this.copied.push(text);
  }
}

let mounted: { container: HTMLElement; state: PopupState; controls: ControlsState } | undefined;

afterEach(() => {
  if (!mounted) return;
  mounted.state.stop();
  mounted.controls.stop();
  render(null, mounted.container);
  mounted.container.remove();
  mounted = undefined;
});

async function mount(fake: FakeControls, settings: BlockingSettings = DEFAULT_SETTINGS) {
  fake.local = { ...fake.local, settings };
  const source = new FakeSource(async () => ({ smartErgo: true, page: pageWith(ALL_FINDINGS) }));
  const container = document.createElement('div');
  document.body.append(container);
  const state = startPopup(source);
  const controls = startControls(fake, async () => 7);
  await act(async () => {
    render(<App state={state} t={source.t} sectionTitles={SECTION_TITLES} controls={controls} />, container);
    await state.ready;
    await controls.ready;
    // The panels' code loads after the first render, as in the browser.
    await loadPanels();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  mounted = { container, state, controls };
  return { container, source };
}

const $ = <E extends HTMLElement = HTMLElement>(root: ParentNode, selector: string): E => {
  const el = root.querySelector<E>(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
};
const byTestId = <E extends HTMLElement = HTMLElement>(root: ParentNode, id: string) => $<E>(root, `[data-testid="${id}"]`);
const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Clicks, then lets the handlers' promise chains (the fake worker answers at once) settle inside act. */
const click = (el: HTMLElement) =>
  act(async () => {
    el.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

describe('popup controls', () => {
  it('turns a switch on and off through the worker, and the box follows the stored settings', async () => {
    const fake = new FakeControls();
    const { container } = await mount(fake);
    const all = byTestId<HTMLInputElement>(container, 'block-cookies-all');
    expect(all.checked).toBe(false);
    await click(all);
    expect(fake.changes).toEqual([{ cookies: { all: true } }]);
    expect(byTestId<HTMLInputElement>(container, 'block-cookies-all').checked).toBe(true);
    await click(byTestId(container, 'block-beacons'));
    await click(byTestId(container, 'gpc'));
    await click(byTestId(container, 'block-purpose-analytics'));
    expect(fake.changes.slice(1)).toEqual([{ beacons: true }, { gpc: true }, { cookies: { purposes: ['analytics'] } }]);
    // "All" includes third parties: that switch shows it and cannot contradict it.
    expect(byTestId<HTMLInputElement>(container, 'block-cookies-third-party')).toMatchObject({ checked: true, disabled: true });
    await click(byTestId(container, 'block-cookies-all'));
    expect(fake.changes.at(-1)).toEqual({ cookies: { all: false } });
    expect(byTestId<HTMLInputElement>(container, 'block-cookies-third-party')).toMatchObject({ checked: false, disabled: false });
  });

  it('does not offer what the browser cannot do (Firefox): third-party cookie blocking, blocked counts; says what "all" does there', async () => {
    const fake = new FakeControls();
    fake.features = { thirdPartyCookieBlocking: false, blockedCounts: false };
    const { container } = await mount(fake);
    expect(container.querySelector('[data-testid="block-cookies-third-party"]')).toBeNull();
    expect(container.querySelector('[data-testid="blocked-counts"]')).toBeNull();
    const all = byTestId<HTMLInputElement>(container, 'block-cookies-all');
    const hint = container.querySelector(`#${CSS.escape(all.getAttribute('aria-describedby') ?? '')}`);
    expect(text(hint)).toMatch(/Other companies’ cookies are not affected/);
    await click(all);
    expect(fake.changes).toEqual([{ cookies: { all: true } }]);
  });

  it('marks the findings the settings block, and leaves the others', async () => {
    const { container } = await mount(new FakeControls(), withChange(DEFAULT_SETTINGS, { beacons: true }));
    const row = (id: string) => $(container, `[data-finding-id="${CSS.escape(id)}"]`);
    expect(row(GA_BEACON.id).dataset.blocked).toBe('true');
    expect(text($(row(GA_BEACON.id), '.chip--blocked'))).toBe('Blocked');
    expect(row(FB_PIXEL.id).dataset.blocked).toBe('true');
    expect(row(GA_COOKIE.id).dataset.blocked).toBeUndefined();
  });

  it('blocks one tracker or one cookie from its details, and lists the choice with an Undo', async () => {
    const fake = new FakeControls();
    const { container } = await mount(fake);
    const pixel = $(container, `[data-finding-id="${CSS.escape(FB_PIXEL.id)}"]`);
    await click($(pixel, '.finding__toggle'));
    await click($(pixel, 'button[data-action="block"]'));
    expect(fake.changes.at(-1)).toEqual({ trackers: { 'org:Meta': 'block' } });
    expect(text(byTestId(container, 'tracker-choices'))).toContain('Blocked: Meta');
    const cookie = $(container, `[data-finding-id="${CSS.escape(GA_COOKIE.id)}"]`);
    await click($(cookie, '.finding__toggle'));
    await click($(cookie, '.actions button'));
    expect(fake.changes.at(-1)).toEqual({ cookies: { names: ['_ga'] } });
    expect($(container, `[data-finding-id="${CSS.escape(GA_COOKIE.id)}"]`).dataset.blocked).toBe('true');
    await click($(byTestId(container, 'tracker-choices'), 'button'));
    expect(fake.changes.at(-1)).toEqual({ trackers: {} });
  });

  it('warns, in the policy’s words, when a blocked cookie is one a site feature needs', async () => {
    const fake = new FakeControls();
    const { container } = await mount(fake);
    expect(container.querySelector('[data-testid="feature-warning"]')).toBeNull();
    await click(byTestId(container, 'block-purpose-session'));
    const warning = byTestId(container, 'feature-warning');
    expect(text(warning)).toContain('staying signed in (the SESSIONID cookie); the shopping cart (the cart cookie)');
    expect(text($(warning, 'blockquote'))).toBe('certain features of this Website might not work without cookies');
  });

  it('shows what was stopped on the page', async () => {
    const fake = new FakeControls();
    fake.blocked = { available: true, counts: [{ label: { kind: 'organisation', name: 'Google' }, count: 2 }, { label: { kind: 'beacons' }, count: 1 }] };
    const { container } = await mount(fake);
    expect([...byTestId(container, 'blocked-counts').querySelectorAll('li')].map(text)).toEqual(['Google: 2', 'Beacons and pings: 1']);
  });

  it('shows the worker’s refusal and puts the switch back', async () => {
    const fake = new FakeControls();
    fake.fail = 'value.change.gpc must be true or false';
    const { container } = await mount(fake);
    await click(byTestId(container, 'gpc'));
    expect(text(byTestId(container, 'controls-error'))).toContain('value.change.gpc must be true or false');
    expect(byTestId<HTMLInputElement>(container, 'gpc').checked).toBe(false);
  });

  it('composes the opt-out link from the choices and identity, logs it when sent, and can copy it', async () => {
    const fake = new FakeControls();
    const { container } = await mount(fake);
    await act(async () => {
      const input = byTestId<HTMLInputElement>(container, 'identity-email');
      input.value = 'jane@example.com';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await click(byTestId(container, 'optout-market-research'));
    const link = byTestId<HTMLAnchorElement>(container, 'send-opt-out');
    expect(link.getAttribute('href')).toBe(composeOptOut(['direct-marketing', 'third-party-sharing'], { email: 'jane@example.com' }).mailto);
    await act(async () => {
      link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    });
    expect(fake.logged).toEqual([['opt-out', ['direct-marketing', 'third-party-sharing']]]);
    expect(text(byTestId(container, 'request-log'))).toContain('opt-out sent to optout@smartergo.com');
    await click($(link.parentElement!, 'button'));
    expect(fake.copied).toEqual([link.getAttribute('href')]);
  });

  it('says the written-request channel has no address, and offers the review request to legal@', async () => {
    const { container } = await mount(new FakeControls());
    expect(text(byTestId(container, 'no-postal-address'))).toContain('gives no postal address anywhere');
    expect(byTestId<HTMLAnchorElement>(container, 'send-review').getAttribute('href')).toMatch(/^mailto:legal@smartergo\.com\?subject=/);
  });

  it('uses only keys that exist in messages.json', async () => {
    const fake = new FakeControls();
    fake.blocked = { available: true, counts: [{ label: { kind: 'host', host: 'x.example' }, count: 1 }] };
    const { container, source } = await mount(fake, withChange(DEFAULT_SETTINGS, { beacons: true, cookies: { all: true, names: ['x'] }, trackers: { 'org:Meta': 'allow' } }));
    for (const button of container.querySelectorAll<HTMLElement>('li .finding__toggle')) await click(button);
    await click(byTestId(container, 'send-review'));
    expect([...source.missing]).toEqual([]);
  });
});
