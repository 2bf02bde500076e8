import { describe, expect, it } from 'vitest';
import {
  KNOWN_BANNER_IDS,
  KNOWN_BANNER_OTHER_SELECTOR,
  KNOWN_BANNER_SELECTOR,
  answerOf,
  answerOnDismiss,
  classifyButton,
  findBanner,
  knownToolOf,
  recogniseBanner,
  type BannerCandidate,
} from './consent-banner';

const candidate = (over: Partial<BannerCandidate>): BannerCandidate => ({
  id: '',
  classes: [],
  tag: 'div',
  role: '',
  modal: false,
  text: '',
  buttons: [],
  visible: true,
  fixed: true,
  ...over,
});
const button = (text: string, id = '', classes: string[] = []) => ({ id, classes, text });

describe('known consent tools', () => {
  it.each([
    ['#onetrust-banner-sdk', 'OneTrust'],
    ['#onetrust-consent-sdk', 'OneTrust'],
    ['#CybotCookiebotDialog', 'Cookiebot'],
    ['#didomi-host', 'Didomi'],
    ['#didomi-notice', 'Didomi'],
    ['#usercentrics-root', 'Usercentrics'],
    ['.qc-cmp2-container', 'Quantcast'],
    ['#truste-consent-track', 'TrustArc'],
    ['.cky-consent-container', 'CookieYes'],
    ['.osano-cm-window', 'Osano'],
    ['#cmplz-cookiebanner-container', 'Complianz'],
    ['.klaro', 'Klaro'],
    ['.cc-window', 'Cookie Consent'],
  ])('%s is %s', (selector, tool) => {
    const described = selector.startsWith('#') ? { id: selector.slice(1), classes: [] } : { id: '', classes: ['x', selector.slice(1)] };
    expect(knownToolOf(described)).toBe(tool);
    expect(KNOWN_BANNER_SELECTOR.split(', ')).toContain(selector);
  });

  it('splits the known selectors into ids (looked up one by one) and the rest, losing none', () => {
    const split = [...KNOWN_BANNER_IDS.map((id) => `#${id}`), ...KNOWN_BANNER_OTHER_SELECTOR.split(', ')];
    expect(split.sort()).toEqual(KNOWN_BANNER_SELECTOR.split(', ').sort());
    expect(KNOWN_BANNER_OTHER_SELECTOR).not.toMatch(/(^|, )#/);
  });

  it('recognises a shown known banner whatever its text or position, but not a hidden one', () => {
    expect(recogniseBanner(candidate({ id: 'CybotCookiebotDialog', fixed: false }))).toEqual({ tool: 'Cookiebot' });
    expect(recogniseBanner(candidate({ id: 'onetrust-banner-sdk', visible: false }))).toBeNull();
  });

  it('knows the tools’ buttons by id or class before their words', () => {
    expect(classifyButton(button('Allow all', 'onetrust-accept-btn-handler'), 'OneTrust')).toBe('accept');
    expect(classifyButton(button('Reject All', 'onetrust-reject-all-handler'), 'OneTrust')).toBe('decline');
    expect(classifyButton(button('Cookies Settings', 'onetrust-pc-btn-handler'), 'OneTrust')).toBe('settings');
    expect(classifyButton(button('Confirm My Choices', '', ['save-preference-btn-handler']), 'OneTrust')).toBe('save');
    expect(classifyButton(button('Allow all', 'CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll'), 'Cookiebot')).toBe('accept');
    expect(classifyButton(button('Deny', 'CybotCookiebotDialogBodyButtonDecline'), 'Cookiebot')).toBe('decline');
    expect(classifyButton(button('Agree and close', 'didomi-notice-agree-button'), 'Didomi')).toBe('accept');
    expect(classifyButton(button('Continue without agreeing', 'didomi-notice-disagree-button'), 'Didomi')).toBe('decline');
    expect(classifyButton(button('Got it!', '', ['cc-btn', 'cc-dismiss']), 'Cookie Consent')).toBe('accept');
    expect(classifyButton(button('Reject', '', ['cky-btn', 'cky-btn-reject']), 'CookieYes')).toBe('decline');
  });
});

describe('button words (English and German)', () => {
  it.each([
    ['Accept', 'accept'],
    ['Accept all cookies', 'accept'],
    ['Allow all', 'accept'],
    ['I agree', 'accept'],
    ['OK', 'accept'],
    ['Got it', 'accept'],
    ['Alle akzeptieren', 'accept'],
    ['Akzeptieren', 'accept'],
    ['Zustimmen', 'accept'],
    ['Alle Cookies zulassen', 'accept'],
    ['Einverstanden', 'accept'],
    ['Reject all', 'decline'],
    ['Decline', 'decline'],
    ['Deny', 'decline'],
    ['Disagree', 'decline'],
    ["Don't accept", 'decline'],
    ['No, thanks', 'decline'],
    ['Only necessary cookies', 'decline'],
    ['Necessary only', 'decline'],
    ['Use necessary cookies only', 'decline'],
    ['Continue without accepting →', 'decline'],
    ['Ablehnen', 'decline'],
    ['Alle ablehnen', 'decline'],
    ['Nur notwendige Cookies', 'decline'],
    ['Nicht einverstanden', 'decline'],
    ['Cookie settings', 'settings'],
    ['Manage preferences', 'settings'],
    ['Manage consent', 'settings'],
    ['Customize', 'settings'],
    ['Einstellungen', 'settings'],
    ['Mehr erfahren', 'settings'],
    ['Save my choices', 'save'],
    ['Auswahl speichern', 'save'],
    ['Einstellungen speichern', 'save'],
    ['×', 'close'],
    ['Close', 'close'],
    ['Schließen', 'close'],
    ['Add to cart', null],
    ['', null],
  ] as const)('%j is %s', (text, meaning) => {
    expect(classifyButton(button(text), null)).toBe(meaning);
  });

  it('answers only with accept or decline; a dismissal after a save is consent, after a close it is not', () => {
    expect(answerOf('accept')).toBe('accepted');
    expect(answerOf('decline')).toBe('declined');
    expect(answerOf('settings')).toBeNull();
    expect(answerOf('save')).toBeNull();
    expect(answerOf('close')).toBeNull();
    expect(answerOnDismiss('save')).toBe('accepted');
    expect(answerOnDismiss('close')).toBe('declined');
    expect(answerOnDismiss(null)).toBe('declined');
  });
});

describe('a banner of the site’s own', () => {
  const own = candidate({
    id: 'cookie-notice',
    text: 'We use cookies to improve your experience. Accept Decline',
    buttons: [button('Accept'), button('Decline')],
  });

  it('is a shown, fixed (or dialog) element speaking of cookies with a button that answers', () => {
    expect(recogniseBanner(own)).toEqual({ tool: '' });
    expect(recogniseBanner({ ...own, fixed: false, role: 'dialog' })).toEqual({ tool: '' });
    expect(recogniseBanner({ ...own, fixed: false, modal: true })).toEqual({ tool: '' });
    expect(
      recogniseBanner(candidate({ text: 'Diese Website verwendet Cookies. Alle akzeptieren', buttons: [button('Alle akzeptieren')] })),
    ).toEqual({ tool: '' });
    expect(recogniseBanner(candidate({ text: 'This site uses cookies.', buttons: [button('Necessary only')] }))).toEqual({ tool: '' });
  });

  it.each<[string, Partial<BannerCandidate>]>([
    ['hidden', { visible: false }],
    ['in the page’s flow (not fixed, not a dialog)', { fixed: false }],
    ['not about cookies', { text: 'Free shipping on orders over $50! Accept Decline' }],
    ['without buttons', { buttons: [] }],
    ['with only a settings link', { buttons: [button('Cookie settings')] }],
    ['a whole page that happens to be fixed', { text: 'cookies '.repeat(500), buttons: [button('Accept')] }],
    ['with too many controls to be a banner', { buttons: Array.from({ length: 20 }, () => button('OK')) }],
  ])('is not recognised when %s', (_why, over) => {
    expect(recogniseBanner({ ...own, ...over })).toBeNull();
  });

  it('a newsletter pop-up that mentions consent, not cookies, is not a cookie banner', () => {
    expect(
      recogniseBanner(
        candidate({ role: 'dialog', text: 'Get 10% off. By subscribing you consent to our emails. Subscribe No thanks', buttons: [button('Subscribe'), button('No thanks')] }),
      ),
    ).toBeNull();
  });
});

describe('findBanner', () => {
  it('prefers a known tool over a site’s own, and says which candidate it was', () => {
    const own = candidate({ text: 'We use cookies', buttons: [button('Accept')] });
    const onetrust = candidate({ id: 'onetrust-banner-sdk' });
    expect(findBanner([own, onetrust])).toEqual({ tool: 'OneTrust', index: 1 });
    expect(findBanner([candidate({ visible: false, id: 'onetrust-banner-sdk' }), own])).toEqual({ tool: '', index: 1 });
    expect(findBanner([])).toBeNull();
  });
});
