/**
 * The controls' state as signals: the stored settings and request log (live while
 * the popup is open), what the rules blocked in the tab, and the last error.
 */
import { signal, type ReadonlySignal } from '@preact/signals';
import { cookieBlock, requestBlock } from '../core/blocking/decide';
import { DEFAULT_SETTINGS, withChange, type BlockingSettings, type SettingsChange } from '../core/blocking/settings';
import type { Finding } from '../core/model';
import type { OptOutChoice, RightsRequestKind } from '../core/rights';
import type { GetBlockedResponse, LoggedRightsRequest } from '../shared/messages';
import type { BrowserFeatures, ControlsSource } from './controls-source';

export interface ControlsState {
  /** What this browser can do: a control that cannot work is not offered. */
  features: BrowserFeatures;
  settings: ReadonlySignal<BlockingSettings>;
  log: ReadonlySignal<LoggedRightsRequest[]>;
  blocked: ReadonlySignal<GetBlockedResponse | null>;
  /** The last thing that went wrong, in the worker's words (shown until the next success). */
  error: ReadonlySignal<string | null>;
  ready: Promise<void>;
  change(change: SettingsChange): Promise<void>;
  logRequest(kind: RightsRequestKind, choices: OptOutChoice[]): Promise<void>;
  refreshBlocked(): Promise<void>;
  copy(text: string): Promise<boolean>;
  stop(): void;
  /** isBlocked under the current settings (here, so the popup's first screen does not load the decision code). */
  isBlocked(settings: BlockingSettings, finding: Finding): boolean;
}

/** Whether the user's settings stop this finding (the browser's rules say the same). */
export function isBlocked(settings: BlockingSettings, finding: Finding): boolean {
  if (finding.kind === 'cookie') return cookieBlock(settings, finding) !== undefined;
  if (finding.kind === 'beacon' || finding.kind === 'request') return requestBlock(settings, finding) !== undefined;
  return false;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function startControls(source: ControlsSource, tabId: () => Promise<number | undefined>): ControlsState {
  const settings = signal<BlockingSettings>(DEFAULT_SETTINGS);
  const log = signal<LoggedRightsRequest[]>([]);
  const blocked = signal<GetBlockedResponse | null>(null);
  const error = signal<string | null>(null);
  let stopped = false;
  // Subscribe before the first read, so a change in between is not lost.
  let changedBeforeLoad: Partial<{ settings: true; log: true }> = {};
  const unsubscribe = source.onChange((change) => {
    if (stopped) return;
    if (change.settings) {
      settings.value = change.settings;
      changedBeforeLoad.settings = true;
    }
    if (change.log) {
      log.value = change.log;
      changedBeforeLoad.log = true;
    }
  });

  const attempt = async (run: () => Promise<void>): Promise<void> => {
    try {
      await run();
      if (!stopped) error.value = null;
    } catch (e) {
      if (!stopped) error.value = errorText(e);
    }
  };

  const refreshBlocked = (): Promise<void> =>
    attempt(async () => {
      const id = await tabId();
      if (id === undefined) return;
      const answer = await source.getBlocked(id);
      if (!stopped) blocked.value = answer;
    });

  const ready = attempt(async () => {
    const local = await source.load();
    if (stopped) return;
    if (!changedBeforeLoad.settings) settings.value = local.settings;
    if (!changedBeforeLoad.log) log.value = local.log;
    changedBeforeLoad = {};
  }).then(refreshBlocked);

  return {
    features: source.features,
    settings,
    log,
    blocked,
    error,
    ready,
    change: (change) =>
      attempt(async () => {
        // Shown at once; storage.local's change event confirms it (or the error undoes it).
        const before = settings.value;
        settings.value = withChange(before, change);
        try {
          await source.updateSettings(change);
        } catch (e) {
          settings.value = before;
          throw e;
        }
      }),
    logRequest: (kind, choices) => attempt(() => source.logRequest(kind, choices)),
    refreshBlocked,
    async copy(text) {
      try {
        await source.copy(text);
        return true;
      } catch {
        return false;
      }
    },
    stop() {
      stopped = true;
      unsubscribe();
    },
    isBlocked,
  };
}
