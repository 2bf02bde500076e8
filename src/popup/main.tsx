/** The toolbar popup: wires the browser source, the state and the view. */
// First: it asks the worker for the findings while the rest of the popup's code is evaluated.
import { firstRequest } from './first-request';
import { render } from 'preact';
import { SECTION_TITLES } from '../core/policy/section-titles';
import { languageTag } from '../shared/i18n';
import { App, loadPanels } from './components/app';
import type { ControlsState } from './controls-state';
import { createBrowserSource } from './source';
import { startPopup } from './state';
import './popup.css';

const source = createBrowserSource(globalThis.location, firstRequest);
const t = (key: string, substitutions?: string[]): string => source.t(key, substitutions);

document.documentElement.lang = languageTag(t('@@ui_locale'));
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('extName');

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
const state = startPopup(source);
const show = (controls?: ControlsState): void =>
  render(<App state={state} t={t} sectionTitles={SECTION_TITLES} controls={controls} />, root);
show();
// The blocking and opt-out controls come second: their code loads while the worker is
// asked for the findings, and they join the popup when it is in.
void import('./controls-entry').then(({ startBrowserControls }) => {
  void loadPanels();
  show(startBrowserControls(() => source.tabId()));
});
