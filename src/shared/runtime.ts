/**
 * runtime.sendMessage (and tabs.query, i18n and storage.session's changes) without
 * webextension-polyfill, for the code that must start before the polyfill is loaded: the
 * content script, and what the popup needs for its first screen (popup/source.ts).
 *
 * The content script runs at document_start on every SmartErgo page and frame, so
 * whatever it loads is paid for on each load; it needs nothing from the browser but
 * this one call. Both browsers it ships for answer it with a promise natively
 * (Chromium's MV3 `chrome.runtime.sendMessage`, Firefox's `browser.runtime`), so the
 * polyfill's ~10 KB would only be parsed and compiled for nothing. Every other part of
 * the extension still goes through shared/browser.ts, the one polyfill import.
 */
interface RuntimeNamespace {
  runtime?: { sendMessage?(message: unknown): Promise<unknown> | undefined };
  tabs?: { query?(query: { active: boolean; currentWindow: boolean }): Promise<Array<{ id?: number }>> | undefined };
  storage?: { onChanged?: StorageChangeEvent };
  i18n?: { getMessage?(key: string, substitutions?: string[]): string };
}

type StorageChangeListener = (changes: Record<string, { newValue?: unknown } | undefined>, areaName: string) => void;
interface StorageChangeEvent {
  addListener(listener: StorageChangeListener): void;
  removeListener(listener: StorageChangeListener): void;
}

const namespace = (): RuntimeNamespace | undefined => {
  const scope = globalThis as unknown as { browser?: RuntimeNamespace; chrome?: RuntimeNamespace };
  return scope.browser ?? scope.chrome;
};

/** Sends a message to the worker; rejects (never throws) when the extension cannot be reached. */
export function sendMessage(message: unknown): Promise<unknown> {
  try {
    const runtime = namespace()?.runtime;
    const sent = runtime?.sendMessage?.(message);
    return sent ?? Promise.reject(new Error('runtime.sendMessage is not available'));
  } catch (error) {
    // The extension was reloaded or removed under the page: "Extension context invalidated".
    return Promise.reject(error);
  }
}

/** The id of the active tab in the current window (an extension page's question; content scripts have no tabs API). */
export async function activeTabId(): Promise<number | undefined> {
  const tabs = await namespace()?.tabs?.query?.({ active: true, currentWindow: true });
  return tabs?.[0]?.id;
}

/** Calls `changed` with the new value (undefined: removed) when `key` changes in storage.session, until the returned function is called. */
export function watchSessionKey(key: string, changed: (newValue: unknown) => void): () => void {
  const event = namespace()?.storage?.onChanged;
  if (!event) return () => {};
  const listener: StorageChangeListener = (changes, areaName) => {
    if (areaName === 'session' && key in changes) changed(changes[key]?.newValue);
  };
  event.addListener(listener);
  return () => event.removeListener(listener);
}

/** The extension's message for `key` in the browser's language ("" when there is none, as the browser answers). */
export function getMessage(key: string, substitutions?: string[]): string {
  const i18n = namespace()?.i18n;
  return (substitutions ? i18n?.getMessage?.(key, substitutions) : i18n?.getMessage?.(key)) ?? '';
}
