import { pageView, type PageView } from '../../core/page-view';
import type { Translate } from '../../shared/i18n';
import { hostOf } from '../present';
import type { ControlsState } from '../controls-state';
import type { PopupState } from '../state';
import { useEffect, useMemo, useState } from 'preact/hooks';
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

/** The whole view once the record is in, the worker's first screen until then. */
function useView(state: PopupState, sectionTitles: Readonly<Record<string, string>>): PageView | null {
  const page = state.page.value;
  const firstScreen = state.firstScreen.value;
  const order = useMemo(() => Object.keys(sectionTitles), [sectionTitles]);
  // Grouping 1,000 findings is the popup's largest piece of JS: only again when they change.
  return useMemo(() => (page ? pageView(page, order) : firstScreen), [page, firstScreen, order]);
}

function Body(props: AppProps & { view: PageView | null }) {
  const { state, t, sectionTitles, view } = props;
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
  if (!view || view.counts.total === 0) {
    return (
      <p class="message" data-testid="empty">
        {t('popup_empty')}
      </p>
    );
  }
  return (
    <>
      <SummaryLine counts={view.counts} t={t} />
      <Groups groups={view.groups} complete={view.complete} sectionTitles={sectionTitles} t={t} controls={props.controls} />
      {view.page.overflow > 0 && (
        <p class="note" data-testid="overflow">
          {plural(t, 'popup_overflow', view.page.overflow)}
        </p>
      )}
      {page && <ExportReport page={page} t={t} />}
    </>
  );
}

export function App(props: AppProps) {
  const { state, t } = props;
  const status = state.status.value;
  const view = useView(state, props.sectionTitles);
  const page = view?.page;
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
        <Body {...props} view={view} />
        {props.controls && status.state === 'ready' && status.smartErgo && <Panels controls={props.controls} t={t} />}
      </main>
    </>
  );
}
