/**
 * Runs in the page's own world (MAIN), before the page's scripts, on SmartErgo pages.
 * Resource timing cannot tell every beacon from an ordinary request: Firefox reports
 * sendBeacon as "other", and no browser marks a keepalive fetch. This wraps the two
 * calls and tells PolicyLens's content script which URLs they sent to. The content
 * script only uses it to name the kind of a request resource timing also saw, so a
 * page posting the same message can relabel its own requests, nothing more.
 * Self-contained (built standalone): it must not import anything.
 */
(() => {
  const post = (kind: 'sendbeacon' | 'keepalive', url: unknown): void => {
    try {
      const absolute = new URL(String(url), location.href).href;
      window.postMessage({ policylens: 'beacon-hint', kind, url: absolute }, location.origin);
    } catch {
      // A URL the browser will reject anyway: nothing to say.
    }
  };

  const nav = navigator as Navigator & { sendBeacon?: Navigator['sendBeacon'] };
  const sendBeacon = nav.sendBeacon;
  if (typeof sendBeacon === 'function') {
    nav.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
      post('sendbeacon', url);
      return sendBeacon.call(this, url, data);
    };
  }

  const fetch = window.fetch;
  if (typeof fetch === 'function') {
    window.fetch = function (this: typeof window, input: RequestInfo | URL, init?: RequestInit) {
      const keepalive = init?.keepalive === true || (input instanceof Request && input.keepalive);
      if (keepalive) post('keepalive', input instanceof Request ? input.url : input);
      return fetch.call(this, input, init);
    };
  }
})();
