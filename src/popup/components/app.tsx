import type { Translate } from '../../shared/i18n';
import { hostOf, } from '../present';
import type { PopupState } from '../state';
import { plural } from '../summary';
import { Groups } from './groups';
import { SummaryLine } from './summary-line';

export interface AppProps {
  state: PopupState;
  t: Translate;
  /** Section id → title, in the policy's order (the order breaks ties between groups). */
  sectionTitles: Readonly<Record<string, string>>;
}

function Body({ state, t, sectionTitles }: AppProps) {
  const status = state.status.value;
  const page = state.page.value;
  if (status.state === 'loading') {
    return (
      <p class="message" role="status" data-testid="loading">
        {t('popup_loading')}
      </p>
    );
  }
  if (status.state === 'error') {
    return (
      <p class="message message--error" role="alert" data-testid="error">
        {t('popup_error', [status.message])}
      </p>
    );
  }
  if (!status.smartErgo) {
    return (
      <p class="message" data-testid="not-smartergo">
        {t('popup_not_smartergo')}
      </p>
    );
  }
  if (!page || page.findings.length === 0) {
    return (
      <p class="message" data-testid="empty">
        {t('popup_empty')}
      </p>
    );
  }
  return (
    <>
      <SummaryLine findings={page.findings} t={t} />
      <Groups findings={page.findings} sectionTitles={sectionTitles} t={t} />
      {page.overflow > 0 && (
        <p class="note" data-testid="overflow">
          {plural(t, 'popup_overflow', page.overflow)}
        </p>
      )}
    </>
  );
}

export function App(props: AppProps) {
  const { state, t } = props;
  const status = state.status.value;
  const page = state.page.value;
  const host = status.state === 'ready' && status.smartErgo && page ? hostOf(page.url) : '';
  return (
    <>
      <header class="header">
        <h1 class="header__title">{t('extName')}</h1>
        {host && (
          <p class="header__host" data-testid="host">
            {host}
          </p>
        )}
      </header>
      <main class="main">
        <Body {...props} />
      </main>
    </>
  );
}
