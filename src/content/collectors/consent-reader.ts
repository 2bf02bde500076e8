/**
 * Reads a possible consent banner from the DOM into the plain description the core
 * classifies (src/core/classify/consent-banner.ts), and gathers what the watcher
 * (consent-banner.ts) asks of both. Not in the content script: the worker brings it into
 * a frame when a look first finds an element that can be a banner (late/consent-reader.ts).
 */
import {
  answerOf,
  answerOnDismiss,
  classifyButton,
  findBanner,
  knownButtonMeaning,
  knownToolOf,
  type BannerButton,
  type BannerCandidate,
} from '../../core/classify/consent-banner';
import { isFixed, MAX_TEXT, styleOf } from './consent-banner';

const BUTTON_SELECTOR = 'button, a[href], [role="button"], input[type="button"], input[type="submit"]';
/** At most this many buttons are described per element. */
const MAX_BUTTONS = 16;

const idAndClasses = (element: Element): { id: string; classes: string[] } => ({
  id: element.id || '',
  classes: [...element.classList],
});

const collapse = (text: string | null | undefined, max: number): string =>
  (text ?? '').slice(0, max * 2).replace(/\s+/g, ' ').trim().slice(0, max);

export function describeButton(element: Element): BannerButton {
  const label =
    element.getAttribute('aria-label') ||
    element.textContent ||
    (element.tagName === 'INPUT' ? (element as HTMLInputElement).value : '') ||
    element.getAttribute('title') ||
    '';
  return { ...idAndClasses(element), text: collapse(label, 100) };
}

/** An element as the core reads it. */
export function describe(element: Element, view: Window): BannerCandidate {
  const buttons: BannerButton[] = [];
  const roots: ParentNode[] = [element];
  if (element.shadowRoot) roots.push(element.shadowRoot);
  for (const root of roots) {
    for (const control of root.querySelectorAll(BUTTON_SELECTOR)) {
      if (buttons.length >= MAX_BUTTONS) break;
      buttons.push(describeButton(control));
    }
  }
  const tag = element.tagName.toLowerCase();
  return {
    ...idAndClasses(element),
    tag,
    role: element.getAttribute('role') ?? '',
    modal: element.getAttribute('aria-modal') === 'true' || (tag === 'dialog' && element.hasAttribute('open')),
    text: collapse(element.textContent, MAX_TEXT),
    buttons,
    visible: isShown(element, view),
    fixed: isFixed(element, view),
  };
}

/** Displayed, not hidden, not transparent, and taking space itself or through a child (a wrapper of fixed children has none). */
export function isShown(element: Element, view: Window, depth = 0): boolean {
  const style = styleOf(element, view);
  if (!style || style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return false;
  if (element.getClientRects().length === 0) return false;
  const box = element.getBoundingClientRect();
  if (box.width > 0 && box.height > 0) return true;
  if (depth >= 2) return false;
  const children = [...element.children, ...(element.shadowRoot?.children ?? [])].slice(0, 10);
  return children.some((child) => isShown(child, view, depth + 1));
}

/** Everything the watcher needs once a look has found something that can be a banner. */
export const CONSENT_READER = {
  BUTTON_SELECTOR,
  describe,
  describeButton,
  idAndClasses,
  isShown,
  findBanner,
  knownToolOf,
  knownButtonMeaning,
  classifyButton,
  answerOf,
  answerOnDismiss,
};
export type ConsentReader = typeof CONSENT_READER;
