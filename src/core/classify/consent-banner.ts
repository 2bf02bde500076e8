/**
 * Cookie-consent banners, recognised from a plain description of page elements.
 * Pure: the content script (src/content/collectors/consent-banner.ts) reads the DOM
 * into BannerCandidate / BannerButton and asks these functions what they are.
 *
 * Two kinds of banner:
 * - a known consent tool, by the ids and classes its markup always has
 *   (OneTrust's #onetrust-banner-sdk, Cookiebot's #CybotCookiebotDialog, ...);
 * - a banner of the site's own: shown, fixed/sticky or a dialog, speaking of cookies,
 *   and offering at least one button that answers (accept or decline, English or German).
 */
import type { ConsentAnswer } from '../model';

/** One element that may be a banner, as the content script saw it. */
export interface BannerCandidate {
  id: string;
  classes: readonly string[];
  /** Lower-case tag name. */
  tag: string;
  role: string;
  /** aria-modal="true", or an open <dialog>. */
  modal: boolean;
  /** Its visible text, whitespace collapsed (bounded by the reader). */
  text: string;
  buttons: readonly BannerButton[];
  /** Displayed, not visibility:hidden, not transparent, and taking space (or a child does). */
  visible: boolean;
  /** position: fixed or sticky (itself, a near ancestor or its wrapper's first child). */
  fixed: boolean;
}

/** A control inside a banner (button, link styled as one, input button). */
export interface BannerButton {
  id: string;
  classes: readonly string[];
  /** Its label: aria-label, text or value. */
  text: string;
}

/** A button's meaning: an answer, a way to the settings (not an answer), or a saved selection / a close. */
export type ButtonMeaning = 'accept' | 'decline' | 'save' | 'close' | 'settings';

interface KnownTool {
  tool: string;
  /** Ids and classes (".x") of the banner or its container. */
  banner: readonly string[];
  accept: readonly string[];
  decline: readonly string[];
  save?: readonly string[];
  settings?: readonly string[];
}

/**
 * Known consent tools. Selectors are only "#id" or ".class" so the content script can
 * join them into one querySelectorAll and the core can match a description without a DOM.
 */
export const KNOWN_CONSENT_TOOLS: readonly KnownTool[] = [
  {
    tool: 'OneTrust',
    banner: ['#onetrust-banner-sdk', '#onetrust-consent-sdk'],
    accept: ['#onetrust-accept-btn-handler', '#accept-recommended-btn-handler'],
    decline: ['#onetrust-reject-all-handler', '.ot-pc-refuse-all-handler'],
    save: ['.save-preference-btn-handler'],
    settings: ['#onetrust-pc-btn-handler', '.ot-sdk-show-settings'],
  },
  {
    tool: 'Cookiebot',
    banner: ['#CybotCookiebotDialog'],
    accept: [
      '#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll',
      '#CybotCookiebotDialogBodyButtonAccept',
      '#CybotCookiebotDialogBodyLevelButtonAccept',
    ],
    decline: ['#CybotCookiebotDialogBodyButtonDecline', '#CybotCookiebotDialogBodyLevelButtonLevelOptinDeclineAll'],
    save: ['#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowallSelection'],
    settings: ['#CybotCookiebotDialogBodyLevelButtonCustomize'],
  },
  {
    tool: 'Didomi',
    banner: ['#didomi-notice', '#didomi-popup', '#didomi-host'],
    accept: ['#didomi-notice-agree-button'],
    decline: ['#didomi-notice-disagree-button'],
    settings: ['#didomi-notice-learn-more-button'],
  },
  {
    tool: 'Usercentrics',
    // Its buttons live in a shadow root: the click is read from the event's composed path, by their words.
    banner: ['#usercentrics-root', '#usercentrics-cmp-ui'],
    accept: [],
    decline: [],
  },
  {
    tool: 'Quantcast',
    banner: ['.qc-cmp2-container'],
    accept: [],
    decline: [],
  },
  {
    tool: 'TrustArc',
    banner: ['#truste-consent-track', '#truste-consent-content'],
    accept: ['#truste-consent-button'],
    decline: ['#truste-consent-required'],
    settings: ['#truste-show-consent'],
  },
  {
    tool: 'CookieYes',
    banner: ['.cky-consent-container'],
    accept: ['.cky-btn-accept'],
    decline: ['.cky-btn-reject'],
    save: ['.cky-btn-preferences'],
    settings: ['.cky-btn-customize'],
  },
  {
    tool: 'Osano',
    banner: ['.osano-cm-window', '.osano-cm-dialog'],
    accept: ['.osano-cm-accept-all', '.osano-cm-accept'],
    decline: ['.osano-cm-deny', '.osano-cm-denyAll'],
    save: ['.osano-cm-save'],
    settings: ['.osano-cm-manage'],
  },
  {
    tool: 'Complianz',
    banner: ['#cmplz-cookiebanner-container', '.cmplz-cookiebanner'],
    accept: ['.cmplz-accept'],
    decline: ['.cmplz-deny'],
    save: ['.cmplz-save-preferences'],
    settings: ['.cmplz-view-preferences'],
  },
  {
    tool: 'Klaro',
    banner: ['.klaro'],
    accept: ['.cm-btn-accept-all', '.cm-btn-success'],
    decline: ['.cn-decline', '.cm-btn-danger'],
    save: ['.cm-btn-accept'],
    settings: ['.cn-learn-more'],
  },
  {
    tool: 'Cookie Consent',
    banner: ['.cc-window'],
    accept: ['.cc-allow', '.cc-dismiss'],
    decline: ['.cc-deny'],
  },
  {
    tool: 'iubenda',
    banner: ['#iubenda-cs-banner'],
    accept: ['.iubenda-cs-accept-btn'],
    decline: ['.iubenda-cs-reject-btn'],
    settings: ['.iubenda-cs-customize-btn'],
  },
  {
    tool: 'Borlabs Cookie',
    banner: ['#BorlabsCookieBox'],
    accept: [],
    decline: [],
  },
  {
    tool: 'consentmanager',
    banner: ['#cmpbox'],
    accept: ['.cmpboxbtnyes'],
    decline: ['.cmpboxbtnno'],
    settings: ['.cmpboxbtncustom'],
  },
  {
    tool: 'Google Funding Choices',
    banner: ['.fc-consent-root'],
    accept: ['.fc-cta-consent'],
    decline: ['.fc-cta-do-not-consent'],
    settings: ['.fc-cta-manage-options'],
  },
];

const KNOWN_BANNER_SELECTORS = KNOWN_CONSENT_TOOLS.flatMap((t) => t.banner);
const BY_ID = /^#[\w-]+$/;

/** Every known tool's banner selector, for one querySelectorAll (within what a page added). */
export const KNOWN_BANNER_SELECTOR = KNOWN_BANNER_SELECTORS.join(', ');

/**
 * The same, split for a look at the whole document: the ids, to look up one by one, and
 * the rest. In one selector list each id is one more test for every element; a page of
 * 10,000 elements took 4 ms for the list, most of it for the ids.
 */
export const KNOWN_BANNER_IDS: readonly string[] = KNOWN_BANNER_SELECTORS.filter((s) => BY_ID.test(s)).map((s) => s.slice(1));
export const KNOWN_BANNER_OTHER_SELECTOR = KNOWN_BANNER_SELECTORS.filter((s) => !BY_ID.test(s)).join(', ');

/**
 * Where a banner of the site's own may be: cheap attribute selectors, never "every
 * element". The reader also looks at the body's fixed/sticky children.
 */
export const GENERIC_BANNER_SELECTOR = [
  '[id*="cookie" i]',
  '[class*="cookie" i]',
  '[id*="consent" i]',
  '[class*="consent" i]',
  '[id*="gdpr" i]',
  '[class*="gdpr" i]',
  '[aria-label*="cookie" i]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  'dialog[open]',
].join(', ');

/** A banner is short: a page wrapper that happens to be fixed is not one. */
const MAX_BANNER_TEXT = 3_000;
const MAX_BANNER_BUTTONS = 15;

// "cookie", "cookies", German "Cookies", "Cookie-Einstellungen" all contain it.
const SPEAKS_OF_COOKIES = /cookie/i;

/** Selectors here are only "#id" or ".class". */
function matchesSimple(selector: string, id: string, classes: readonly string[]): boolean {
  if (selector.startsWith('#')) return id === selector.slice(1);
  if (selector.startsWith('.')) return classes.includes(selector.slice(1));
  return false;
}

const matchesAny = (selectors: readonly string[] | undefined, id: string, classes: readonly string[]): boolean =>
  (selectors ?? []).some((s) => matchesSimple(s, id, classes));

/** The known consent tool whose banner this element is, if any (visibility not considered). */
export function knownToolOf(candidate: Pick<BannerCandidate, 'id' | 'classes'>): string | null {
  return KNOWN_CONSENT_TOOLS.find((t) => matchesAny(t.banner, candidate.id, candidate.classes))?.tool ?? null;
}

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim();

// Decline first: "disagree" contains "agree", "nicht einverstanden" contains "einverstanden".
const DECLINE_WORDS: readonly RegExp[] = [
  /\b(reject|decline|deny|refuse|disagree|dismiss all)\b/,
  /\b(do not|dont|don t) (accept|agree|allow|consent)\b/,
  /\bno thanks\b/,
  /^no$/,
  /\b(only|strictly) (necessary|essential|required)\b/,
  /\b(necessary|essential|required) (cookies )?only\b/,
  /\bcontinue without (accepting|agreeing|consent)/,
  /\b(use|allow) (only )?(necessary|essential|required) cookies( only)?\b/,
  // German
  /ablehnen|verweigern|widersprechen/,
  /\bnicht (einverstanden|zustimmen|akzeptieren)\b/,
  /\bnur (notwendige|essenzielle|essentielle|erforderliche|technisch notwendige)\b/,
  /\bohne (zustimmung|einwilligung) (fortfahren|weiter)/,
  /^nein\b/,
];
// Save a selection: consent to what the visitor selected (the page does not tell which).
const SAVE_WORDS: readonly RegExp[] = [
  /\b(save|confirm|submit) (my |your )?(choices|choice|preferences|settings|selection)\b/,
  /\ballow selection\b/,
  /\b(auswahl|einstellungen|präferenzen) (speichern|bestätigen|übernehmen)\b/,
  /\b(auswahl|einstellungen) erlauben\b/,
];
const SETTINGS_WORDS: readonly RegExp[] = [
  /\b(settings|preferences|customi[sz]e|manage|options|more info|more information|learn more|details|privacy policy|cookie policy)\b/,
  /einstellungen|anpassen|verwalten|mehr (erfahren|informationen)|details|datenschutzerklärung|optionen/,
];
const ACCEPT_WORDS: readonly RegExp[] = [
  /\b(accept|allow|agree|consent)\b/,
  /\b(ok|okay|got it|yes|i understand|continue|sounds good)\b/,
  // German
  /akzeptier|zustimm|zulassen|erlauben|annehmen|einverstanden|stimme zu|\beinwilligen\b/,
  /\b(verstanden|alles klar|ja)\b/,
];
const CLOSE_WORDS: readonly RegExp[] = [/^(close|x|×|✕|schließen|schliessen)$/, /^(close|schließen) (banner|dialog|hinweis|notice)$/];

/** What a known tool's button means by its id or class alone (its words not read); null when it is not one of the tool's. */
export function knownButtonMeaning(button: Pick<BannerButton, 'id' | 'classes'>, tool?: string | null): ButtonMeaning | null {
  const tools = tool ? KNOWN_CONSENT_TOOLS.filter((t) => t.tool === tool) : KNOWN_CONSENT_TOOLS;
  for (const t of tools) {
    if (matchesAny(t.accept, button.id, button.classes)) return 'accept';
    if (matchesAny(t.decline, button.id, button.classes)) return 'decline';
    if (matchesAny(t.save, button.id, button.classes)) return 'save';
    if (matchesAny(t.settings, button.id, button.classes)) return 'settings';
  }
  return null;
}

/** What clicking this button means, for the known tool it belongs to (if any), or from its words. */
export function classifyButton(button: BannerButton, tool?: string | null): ButtonMeaning | null {
  const known = knownButtonMeaning(button, tool);
  if (known) return known;
  const raw = button.text.trim();
  if (/^[×✕✖]$/.test(raw)) return 'close';
  const text = normalise(raw);
  if (!text || text.length > 60) return null;
  if (CLOSE_WORDS.some((re) => re.test(text))) return 'close';
  if (DECLINE_WORDS.some((re) => re.test(text))) return 'decline';
  if (SAVE_WORDS.some((re) => re.test(text))) return 'save';
  // Settings before accept: "Manage consent" is a way to the settings, not an answer.
  if (SETTINGS_WORDS.some((re) => re.test(text))) return 'settings';
  if (ACCEPT_WORDS.some((re) => re.test(text))) return 'accept';
  return null;
}

/**
 * The answer a click gives, or null when it does not answer (a settings link) or the
 * page must first show it did (close, save: answered only if the banner goes away).
 */
export function answerOf(meaning: ButtonMeaning | null): Exclude<ConsentAnswer, 'none'> | null {
  if (meaning === 'accept') return 'accepted';
  if (meaning === 'decline') return 'declined';
  return null;
}

/**
 * The answer when the banner went away after a click that did not name one: a saved
 * selection is consent to what was selected; closing it, or an unlabelled control, is
 * not consent (silence is not consent), so it reads as declined.
 */
export function answerOnDismiss(meaning: ButtonMeaning | null): Exclude<ConsentAnswer, 'none'> {
  return meaning === 'save' || meaning === 'accept' ? 'accepted' : 'declined';
}

/** Whether this element is a cookie-consent banner now shown to the visitor: its tool ("" for the site's own), or null. */
export function recogniseBanner(candidate: BannerCandidate): { tool: string } | null {
  if (!candidate.visible) return null;
  const tool = knownToolOf(candidate);
  if (tool) return { tool };
  if (!(candidate.fixed || candidate.modal || candidate.role === 'dialog' || candidate.role === 'alertdialog')) return null;
  if (candidate.text.length > MAX_BANNER_TEXT || candidate.buttons.length === 0 || candidate.buttons.length > MAX_BANNER_BUTTONS) {
    return null;
  }
  if (!SPEAKS_OF_COOKIES.test(candidate.text)) return null;
  const answers = candidate.buttons.some((b) => answerOf(classifyButton(b, null)) !== null);
  return answers ? { tool: '' } : null;
}

/** The first candidate that is a banner; known tools win over a banner of the site's own. */
export function findBanner(candidates: readonly BannerCandidate[]): { tool: string; index: number } | null {
  let own: { tool: string; index: number } | null = null;
  for (const [index, candidate] of candidates.entries()) {
    const found = recogniseBanner(candidate);
    if (!found) continue;
    if (found.tool) return { tool: found.tool, index };
    own ??= { tool: '', index };
  }
  return own;
}
