/**
 * The popup's state as signals: what the worker knows about the tab, kept live
 * while the popup is open.
 */
import { batch, signal, type ReadonlySignal } from '@preact/signals';
import type { PageRecord } from '../core/model';
import type { PageView } from '../core/page-view';
import type { PopupSource } from './source';

export type PopupStatus =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  /** smartErgo: the tab shows a SmartErgo page (the only pages PolicyLens looks at). */
  | { state: 'ready'; smartErgo: boolean };

export interface PopupState {
  status: ReadonlySignal<PopupStatus>;
  page: ReadonlySignal<PageRecord | null>;
  /** The first screen the worker sent ahead of the record (null once the record is in). */
  firstScreen: ReadonlySignal<PageView | null>;
  /** Settles when the first answer (or error) is in. */
  ready: Promise<void>;
  /** Stops listening for changes (the popup closing does this for free). */
  stop(): void;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Asks the worker for the tab's page and follows its changes. It subscribes before
 * the first answer arrives so no change is lost in between; a change that comes in
 * while a request is under way wins over that request's (older) answer.
 */
export function startPopup(source: PopupSource): PopupState {
  const status = signal<PopupStatus>({ state: 'loading' });
  const page = signal<PageRecord | null>(null);
  const firstScreen = signal<PageView | null>(null);
  let stopped = false;
  let unsubscribe: () => void = () => {};
  let generation = 0;

  const load = async (tabId: number): Promise<void> => {
    const mine = ++generation;
    let wholeIn = false;
    // Drawn while the whole record is on its way; its failure is the record's to report.
    void source.getFirstScreen?.(tabId).then(
      (early) => {
        if (!early || wholeIn || stopped || mine !== generation) return;
        batch(() => {
          firstScreen.value = early.view;
          status.value = { state: 'ready', smartErgo: early.smartErgo };
        });
      },
      () => undefined,
    );
    try {
      const response = await source.getPage(tabId);
      wholeIn = true;
      if (stopped || mine !== generation) return;
      batch(() => {
        page.value = response.page;
        firstScreen.value = null;
        status.value = { state: 'ready', smartErgo: response.smartErgo };
      });
    } catch (error) {
      if (stopped || mine !== generation) return;
      status.value = { state: 'error', message: errorText(error) };
    }
  };

  const onChange = (tabId: number, record: PageRecord | null): void => {
    if (stopped) return;
    if (record === null) {
      // The page went away (a navigation, or the tab's record was dropped): ask
      // again, since the new page may not be a SmartErgo one.
      void load(tabId);
      return;
    }
    generation++; // an answer still on its way is older than this
    batch(() => {
      page.value = record;
      firstScreen.value = null;
      // The worker keeps records for SmartErgo pages only.
      status.value = { state: 'ready', smartErgo: true };
    });
  };

  const ready = (async () => {
    try {
      const tabId = await source.tabId();
      if (stopped) return;
      if (tabId === undefined) {
        status.value = { state: 'error', message: source.t('error_no_tab') };
        return;
      }
      unsubscribe = source.onPageChange(tabId, (record) => onChange(tabId, record));
      await load(tabId);
    } catch (error) {
      if (!stopped) status.value = { state: 'error', message: errorText(error) };
    }
  })();

  return {
    status,
    page,
    firstScreen,
    ready,
    stop() {
      stopped = true;
      unsubscribe();
    },
  };
}
