import type { Translate } from '../../shared/i18n';
import { hostOf, } from '../present';
import type { ControlsState } from '../controls-state';
import type { PopupState } from '../state';
import { useEffect, useState } from 'preact/hooks';
import { plural } from '../summary';
import { Groups } from './groups';
import { ExportReport } from './export-report';
import { PolicyCheckNote } from './policy-check';
import { SummaryLine } from './summary-line';

export interface AppProps {
  state: PopupState;
  t: Translate;
  /** Section id → title, in the policy's order (the order breaks ties between groups). */
  sectionTitles: Readonly<Record<string, string>>;
  /** The blocking and opt-out controls; absent, the popup only shows findings. */
  controls?: ControlsState;
}

type PanelsModule = typeof import('./controls');
let panels: Promise<PanelsModule> | undefined;
/** The controls' code (the larger part of the popup's own) loads once, after the findings are on screen. */
export const loadPanels = (): Promise<PanelsModule> => (panels ??= import('./controls'));

/** The blocking and opt-out panels, below the findings: they appear once their code is in. */
function Panels({ controls, t }: { controls: ControlsState; t: Translate }) {
  const [module, setModule] = useState<PanelsModule | null>(null);
  useEffect(() => {
    let live = true;
    void loadPanels().then((loaded) => live && setModule(loaded));
    return () => {
      live = false;
    };
  }, []);
  if (!module) return null;
  const { BlockingPanel, RightsPanel } = module;
  return (
    <>
      <BlockingPanel controls={controls} t={t} />
      <RightsPanel controls={controls} t={t} />
    </>
  );
}

function Body(props: AppProps) {
  const { state, t, sectionTitles } = props;
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
      <Groups findings={page.findings} sectionTitles={sectionTitles} t={t} controls={props.controls} />
      {page.overflow > 0 && (
        <p class="note" data-testid="overflow">
          {plural(t, 'popup_overflow', page.overflow)}
        </p>
      )}
      <ExportReport page={page} t={t} />
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
        {status.state === 'ready' && status.smartErgo && page?.policyCheck && <PolicyCheckNote check={page.policyCheck} t={t} />}
        <Body {...props} />
        {props.controls && status.state === 'ready' && status.smartErgo && <Panels controls={props.controls} t={t} />}
      </main>
    </>
  );
}
