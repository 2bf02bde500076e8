/** The toolbar popup: wires the browser source, the state and the view. */
import { render } from 'preact';
import { POLICY } from '../core/policy/disclosures';
import { languageTag } from '../shared/i18n';
import { App } from './components/app';
import { createBrowserControlsSource } from './controls-source';
import { startControls } from './controls-state';
import { createBrowserSource } from './source';
import { startPopup } from './state';
import './popup.css';

// Titles in the policy's own order (it breaks ties between groups).
const sectionTitles: Record<string, string> = Object.fromEntries(POLICY.sections.map((s) => [s.id, s.title]));

const source = createBrowserSource();
const t = (key: string, substitutions?: string[]): string => source.t(key, substitutions);

document.documentElement.lang = languageTag(t('@@ui_locale'));
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('extName');

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
const controls = startControls(createBrowserControlsSource(), () => source.tabId());
render(<App state={startPopup(source)} t={t} sectionTitles={sectionTitles} controls={controls} />, root);
