// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsentObservation } from '../../core/model';
import { findBanner } from '../../core/classify/consent-banner';
import { ConsentBannerWatcher, textStart } from './consent-banner';
import { CONSENT_READER, describe as describeElement } from './consent-reader';

// happy-dom has no layout. Here an element is laid out unless it or an ancestor is display:none or
// [hidden], and takes space when it holds text, is a control, or a child takes space (as in a browser,
// a wrapper whose children are all hidden has no height).
function laidOut(element: Element): boolean {
  for (let el: Element | null = element; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) {
    if (el.hasAttribute('hidden') || getComputedStyle(el).display === 'none') return false;
  }
  return true;
}
function hasLayout(element: Element): boolean {
  if (!laidOut(element)) return false;
  if (/^(BUTTON|INPUT|IMG)$/.test(element.tagName)) return true;
  if ([...element.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim())) return true;
  return [...element.children, ...(element.shadowRoot?.children ?? [])].some(hasLayout);
}
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (laidOut(this) ? [new DOMRect(0, 0, 300, 80)] : []) as unknown as DOMRectList;
  });
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    return hasLayout(this) ? new DOMRect(0, 0, 300, 80) : new DOMRect(0, 0, 0, 0);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

/** Banner markups as the tools render them (trimmed to the parts that identify them). */
const BANNERS: [name: string, tool: string, html: string][] = [
  [
    'OneTrust',
    'OneTrust',
    `<div id="onetrust-consent-sdk"><div class="onetrust-pc-dark-filter ot-fade-in"></div>
      <div id="onetrust-banner-sdk" class="otFlat" tabindex="0" role="region" aria-label="Cookie banner" style="position:fixed;bottom:0">
        <div role="dialog" aria-label="Privacy"><div id="onetrust-policy"><div id="onetrust-policy-text">We use cookies to personalise content and ads.</div></div>
        <div id="onetrust-button-group-parent"><div id="onetrust-button-group">
          <button id="onetrust-pc-btn-handler">Cookies Settings</button>
          <button id="onetrust-reject-all-handler">Reject All</button>
          <button id="onetrust-accept-btn-handler">Accept All Cookies</button>
        </div></div></div></div></div>`,
  ],
  [
    'Cookiebot',
    'Cookiebot',
    `<div id="CybotCookiebotDialog" name="CybotCookiebotDialog" role="dialog" aria-modal="true" class="CybotCookiebotDialogActive" style="position:fixed">
      <div id="CybotCookiebotDialogBody"><h2 id="CybotCookiebotDialogBodyContentTitle">This website uses cookies</h2></div>
      <div id="CybotCookiebotDialogBodyButtonsWrapper">
        <button id="CybotCookiebotDialogBodyButtonDecline">Deny</button>
        <button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection">Allow selection</button>
        <button id="CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll">Allow all</button>
      </div></div>`,
  ],
  [
    'Didomi',
    'Didomi',
    `<div id="didomi-host" data-nosnippet="true"><div class="didomi-popup-container">
      <div id="didomi-notice" class="didomi-notice-banner" style="position:fixed">
        <div class="didomi-notice-text">We and our partners store and/or access information on a device, such as cookies.</div>
        <button id="didomi-notice-learn-more-button">Learn more</button>
        <button id="didomi-notice-disagree-button">Continue without agreeing</button>
        <button id="didomi-notice-agree-button">Agree and close</button>
      </div></div></div>`,
  ],
  [
    'Quantcast Choice',
    'Quantcast',
    `<div id="qc-cmp2-container" class="qc-cmp2-container" data-nosnippet=""><div class="qc-cmp2-main"><div class="qc-cmp-cleanslate">
      <div role="dialog" aria-modal="true" class="qc-cmp2-summary-section">We value your privacy. We and our partners store cookies on a device.</div>
      <div class="qc-cmp2-summary-buttons"><button mode="secondary">MORE OPTIONS</button><button mode="secondary">DISAGREE</button><button mode="primary">AGREE</button></div>
    </div></div></div>`,
  ],
  [
    'CookieYes',
    'CookieYes',
    `<div class="cky-consent-container cky-box-bottom-left"><div class="cky-consent-bar" style="position:fixed">
      <p class="cky-notice-des">We use cookies to enhance your browsing experience.</p>
      <button class="cky-btn cky-btn-customize">Customize</button><button class="cky-btn cky-btn-reject">Reject All</button><button class="cky-btn cky-btn-accept">Accept All</button>
    </div></div>`,
  ],
  [
    'cookieconsent (Osano open source)',
    'Cookie Consent',
    `<div role="dialog" aria-live="polite" aria-label="cookieconsent" aria-describedby="cookieconsent:desc" class="cc-window cc-banner cc-type-info cc-bottom" style="position:fixed">
      <span id="cookieconsent:desc" class="cc-message">This website uses cookies to ensure you get the best experience on our website. <a aria-label="learn more about cookies" role="button" tabindex="0" class="cc-link" href="https://www.cookiesandyou.com" target="_blank">Learn more</a></span>
      <div class="cc-compliance"><a aria-label="dismiss cookie message" role="button" tabindex="0" class="cc-btn cc-dismiss">Got it!</a></div></div>`,
  ],
  [
    'Klaro',
    'Klaro',
    `<div class="klaro"><div class="cookie-notice" role="dialog" aria-describedby="id-cookie-notice" style="position:fixed">
      <div class="cn-body"><p id="id-cookie-notice">Hi! Could we please enable some additional services for analytics? You can always change or withdraw your consent later.</p>
      <div class="cn-ok"><a class="cn-learn-more" href="#">Let me choose</a><div class="cn-buttons"><button class="cm-btn cm-btn-danger cn-decline">I decline</button><button class="cm-btn cm-btn-success">That's ok</button></div></div></div></div></div>`,
  ],
  [
    'Complianz',
    'Complianz',
    `<div id="cmplz-cookiebanner-container"><div class="cmplz-cookiebanner cmplz-show banner-1 optin" role="dialog" aria-modal="true" style="position:fixed">
      <div class="cmplz-message">We use cookies to optimise our website and our service.</div>
      <div class="cmplz-buttons"><button class="cmplz-btn cmplz-accept">Accept</button><button class="cmplz-btn cmplz-deny">Deny</button><button class="cmplz-btn cmplz-view-preferences">View preferences</button></div></div></div>`,
  ],
  [
    'a German site’s own banner',
    '',
    `<div id="cookie-hinweis" role="dialog" aria-label="Cookie-Hinweis" style="position:fixed;bottom:0">
      <p>Wir verwenden Cookies, um unsere Website zu verbessern. Mehr dazu in der <a href="/datenschutz">Datenschutzerklärung</a>.</p>
      <button type="button">Nur notwendige</button><button type="button">Alle akzeptieren</button></div>`,
  ],
  [
    'a site’s own banner without telling ids or classes',
    '',
    `<div style="position:fixed;bottom:0;left:0;right:0"><p>This site uses cookies for analytics.</p><button>OK</button></div>`,
  ],
];

/** Pages that look similar and are no banner. */
const NOT_BANNERS: [name: string, html: string][] = [
  ['a fixed promotion bar', `<div class="promo-bar" style="position:fixed;top:0">Free shipping on orders over $50! <button>Got it</button></div>`],
  [
    'an article about cookies in the page’s flow',
    `<article class="cookie-recipes"><h2>Cookies for the office</h2><p>Our favourite cookie recipes.</p><button>Accept the challenge</button></article>`,
  ],
  [
    'a hidden banner (answered on an earlier visit)',
    `<div id="onetrust-consent-sdk"><div id="onetrust-banner-sdk" style="display:none"><button id="onetrust-accept-btn-handler">Accept</button></div></div>`,
  ],
  ['a newsletter dialog', `<div role="dialog" aria-modal="true"><p>Get 10% off your first order.</p><button>Subscribe</button><button>No thanks</button></div>`],
  ['a support-chat bubble', `<button class="demo-chat-bubble" aria-label="Chat with SmartErgo support" style="position:fixed">Chat</button>`],
];

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function watch(options = {}) {
  const seen: ConsentObservation[] = [];
  const watcher = new ConsentBannerWatcher(document, (o) => seen.push(o), { debounceMs: 5, dismissChecksMs: [20], reader: CONSENT_READER, ...options });
  watcher.start();
  return { seen, watcher };
}

describe('the DOM reader with real banner markups', () => {
  it.each(BANNERS)('recognises %s', (_name, tool, html) => {
    document.body.innerHTML = html;
    const { seen, watcher } = watch();
    watcher.look(true);
    expect(seen).toEqual([{ source: 'consent', tool, answer: 'none' }]);
    watcher.stop();
  });

  it.each(NOT_BANNERS)('ignores %s', (_name, html) => {
    document.body.innerHTML = html;
    const { seen, watcher } = watch();
    watcher.look(true);
    expect(seen).toEqual([]);
    watcher.stop();
  });

  it('reads a shadow-DOM banner (Usercentrics) by its host', () => {
    document.body.innerHTML = '<div id="usercentrics-root"></div>';
    const host = document.getElementById('usercentrics-root') as HTMLElement;
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<div style="position:fixed"><p>We use cookies.</p><button data-testid="uc-deny-all-button">Deny</button><button data-testid="uc-accept-all-button">Accept All</button></div>';
    const described = describeElement(host, window);
    expect(described.buttons.map((b) => b.text)).toEqual(['Deny', 'Accept All']);
    expect(findBanner([described])).toEqual({ tool: 'Usercentrics', index: 0 });
  });
});

describe('the answer', () => {
  const click = (selector: string) => (document.querySelector(selector) as HTMLElement).click();

  it.each([
    ['#onetrust-accept-btn-handler', 'accepted'],
    ['#onetrust-reject-all-handler', 'declined'],
  ])('OneTrust: a click on %s is %s, reported once, then the watcher stops', (selector, answer) => {
    document.body.innerHTML = BANNERS[0]![2];
    const { seen, watcher } = watch();
    watcher.look(true);
    click(selector);
    click(selector);
    expect(seen.map((o) => `${o.tool}:${o.answer}`)).toEqual(['OneTrust:none', `OneTrust:${answer}`]);
  });

  it('a settings button is not an answer; a click outside the banner is nothing', () => {
    document.body.innerHTML = `${BANNERS[0]![2]}<button id="elsewhere">Accept the terms</button>`;
    const { seen, watcher } = watch();
    watcher.look(true);
    click('#onetrust-pc-btn-handler');
    click('#elsewhere');
    expect(seen.map((o) => o.answer)).toEqual(['none']);
    watcher.stop();
  });

  it('a close button counts when the banner goes away after it (declined: closing is not consent)', async () => {
    document.body.innerHTML = `<div id="cookie-banner" style="position:fixed">We use cookies. <button>Accept</button> <button class="x">×</button></div>`;
    const { seen, watcher } = watch();
    watcher.look(true);
    const banner = document.getElementById('cookie-banner')!;
    document.querySelector('.x')!.addEventListener('click', () => banner.remove());
    click('.x');
    expect(seen.map((o) => o.answer)).toEqual(['none']);
    await wait(40);
    expect(seen.map((o) => o.answer)).toEqual(['none', 'declined']);
    watcher.stop();
  });

  it('a close button that leaves the banner up is no answer', async () => {
    document.body.innerHTML = `<div id="cookie-banner" style="position:fixed">We use cookies. <button>Accept</button> <button class="x">×</button></div>`;
    const { seen, watcher } = watch();
    watcher.look(true);
    click('.x');
    await wait(40);
    expect(seen.map((o) => o.answer)).toEqual(['none']);
    watcher.stop();
  });
});

describe('watching the page cheaply', () => {
  it('brings the reader in only when a look finds what can be a banner, then finds it', async () => {
    document.body.innerHTML = `<header style="position:sticky">SmartErgo</header>
      <button class="demo-chat-bubble" style="position:fixed">Chat</button><main><p>Chairs.</p></main>`;
    let arrive: (reader: typeof CONSENT_READER) => void = () => {};
    const loadReader = vi.fn(() => new Promise<typeof CONSENT_READER>((resolve) => (arrive = resolve)));
    const { seen, watcher } = watch({ reader: undefined, loadReader });
    watcher.look(true);
    watcher.recheck();
    expect(loadReader).not.toHaveBeenCalled();

    const banner = document.createElement('div');
    banner.innerHTML = BANNERS[1]![2];
    document.body.append(banner.firstElementChild!);
    await wait(30);
    watcher.look(true);
    expect(loadReader).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([]);
    arrive(CONSENT_READER);
    await vi.waitFor(() => expect(seen).toEqual([{ source: 'consent', tool: 'Cookiebot', answer: 'none' }]));
    watcher.stop();
  });

  it('asks for the reader again at the next look when it could not be brought in', async () => {
    document.body.innerHTML = BANNERS[1]![2];
    const loadReader = vi.fn(async () => CONSENT_READER).mockRejectedValueOnce(new Error('no worker'));
    const { seen, watcher } = watch({ reader: undefined, loadReader });
    watcher.look(true);
    await wait(0);
    expect(seen).toEqual([]);
    watcher.look(true);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(loadReader).toHaveBeenCalledTimes(2);
    watcher.stop();
  });

  it('sees a banner a script adds later, after the mutations settle', async () => {
    const { seen, watcher } = watch();
    await wait(20);
    expect(seen).toEqual([]);
    const banner = document.createElement('div');
    banner.innerHTML = BANNERS[1]![2];
    document.body.append(banner.firstElementChild!);
    await wait(30);
    expect(seen).toEqual([{ source: 'consent', tool: 'Cookiebot', answer: 'none' }]);
    watcher.stop();
  });

  it('sees a known banner that was in the page hidden and is then shown', async () => {
    document.body.innerHTML = BANNERS[0]![2];
    const banner = document.getElementById('onetrust-banner-sdk')!;
    banner.style.display = 'none';
    const { seen, watcher } = watch();
    watcher.look(true);
    expect(seen).toEqual([]);
    banner.style.display = '';
    await wait(30);
    expect(seen.map((o) => o.tool)).toEqual(['OneTrust']);
    watcher.stop();
  });

  it('looks only at what was added, not the whole document, on each batch of mutations', async () => {
    const { watcher } = watch();
    watcher.look(true);
    const spy = vi.spyOn(document, 'querySelectorAll');
    for (let i = 0; i < 50; i += 1) document.body.append(document.createElement('p'));
    await wait(30);
    // (happy-dom's getComputedStyle queries the document's style sheets itself; that is not ours.)
    expect(spy.mock.calls.filter(([selector]) => /onetrust|cookie/.test(selector))).toEqual([]);
    watcher.stop();
  });

  it('a recheck finds a banner shown since the last full look, and one added since, without querying the document', async () => {
    const banner = `<p>We use cookies to improve our website.</p><button type="button">Reject all</button><button type="button">Accept all</button>`;
    document.body.innerHTML = `<div class="cookie-notice" role="dialog" style="position:fixed;bottom:0" hidden>${banner}</div>`;
    const { seen, watcher } = watch();
    watcher.look(true);
    expect(seen).toEqual([]);
    document.querySelector('.cookie-notice')!.removeAttribute('hidden');
    const spy = vi.spyOn(document, 'querySelectorAll');
    watcher.recheck();
    expect(seen.map((o) => o.answer)).toEqual(['none']);
    expect(spy.mock.calls.filter(([selector]) => /onetrust|cookie/.test(selector))).toEqual([]);
    watcher.stop();

    document.body.innerHTML = '';
    const later = watch();
    later.watcher.look(true);
    // Inside a wrapper, so it is not one of the body's fixed children: only the observer saw it come.
    document.body.insertAdjacentHTML('beforeend', `<main><p>Our desks</p><div id="gdpr-box" role="dialog" style="position:fixed;bottom:0">${banner}</div></main>`);
    later.watcher.recheck();
    expect(later.seen.map((o) => o.answer)).toEqual(['none']);
    later.watcher.stop();
  });

  it('stops watching once answered', async () => {
    document.body.innerHTML = BANNERS[0]![2];
    const { seen, watcher } = watch();
    watcher.look(true);
    (document.querySelector('#onetrust-accept-btn-handler') as HTMLElement).click();
    document.body.innerHTML = BANNERS[1]![2];
    await wait(30);
    watcher.look(true);
    expect(seen.map((o) => o.answer)).toEqual(['none', 'accepted']);
  });
});

describe('textStart', () => {
  it('is the start of textContent, without reading past it', () => {
    document.body.innerHTML = '<div id="t">We use <b>cookies</b><!-- not text --><p>to <i>remember</i> you.</p></div>';
    const element = document.getElementById('t')!;
    for (const max of [0, 3, 10, 100]) expect(textStart(element, max)).toBe(element.textContent!.slice(0, max));
  });
});
