/**
 * runtime.sendMessage for the content script, without webextension-polyfill.
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
}

/** Sends a message to the worker; rejects (never throws) when the extension cannot be reached. */
export function sendMessage(message: unknown): Promise<unknown> {
  const scope = globalThis as unknown as { browser?: RuntimeNamespace; chrome?: RuntimeNamespace };
  try {
    const runtime = (scope.browser ?? scope.chrome)?.runtime;
    const sent = runtime?.sendMessage?.(message);
    return sent ?? Promise.reject(new Error('runtime.sendMessage is not available'));
  } catch (error) {
    // The extension was reloaded or removed under the page: "Extension context invalidated".
    return Promise.reject(error);
  }
}
