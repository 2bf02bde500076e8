/** The toolbar popup: wires the browser source, the state and the view. */
import { render } from 'preact';
import { SECTION_TITLES } from '../core/policy/section-titles';
import { languageTag } from '../shared/i18n';
import { App } from './components/app';
import { createBrowserControlsSource } from './controls-source';
import { startControls } from './controls-state';
import { createBrowserSource } from './source';
import { startPopup } from './state';
import './popup.css';


const source = createBrowserSource();
const t = (key: string, substitutions?: string[]): string => source.t(key, substitutions);

document.documentElement.lang = languageTag(t('@@ui_locale'));
document.documentElement.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
document.title = t('extName');

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
const controls = startControls(createBrowserControlsSource(), () => source.tabId());
render(<App state={startPopup(source)} t={t} sectionTitles={SECTION_TITLES} controls={controls} />, root);
