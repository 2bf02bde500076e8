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
  // Request bodies are passed on only after the content script says the visitor typed
  // something it watches for (see collectors/typed-values.ts): until then, nothing to compare.
  let watchBodies = false;
  addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data;
    if (event.source === window && typeof data === 'object' && data !== null && (data as { policylens?: unknown }).policylens === 'watch-bodies') {
      watchBodies = true;
    }
  });

  const MAX_BODY = 65_536;
  const bodyText = (body: unknown): string | undefined => {
    try {
      if (typeof body === 'string') return body.slice(0, MAX_BODY);
      if (body instanceof URLSearchParams) return body.toString().slice(0, MAX_BODY);
      if (body instanceof FormData) {
        let text = '';
        body.forEach((value, key) => {
          if (typeof value === 'string' && text.length < MAX_BODY) text += `${key}=${value}&`;
        });
        return text.slice(0, MAX_BODY);
      }
      if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
        const bytes = body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
        return new TextDecoder().decode(bytes.subarray(0, MAX_BODY));
      }
    } catch {
      // A body we cannot read without consuming it (a stream, a Blob): not compared.
    }
    return undefined;
  };
  /** Request headers the page set, as "name: value" lines (what a script can add is what can carry data). */
  const headerText = (headers: unknown): string => {
    try {
      if (headers === undefined || headers === null) return '';
      const lines: string[] = [];
      new Headers(headers as HeadersInit).forEach((value, name) => lines.push(`${name}: ${value}`));
      return lines.join('\n').slice(0, MAX_BODY);
    } catch {
      return '';
    }
  };
  const postBody = (url: unknown, body: unknown, headers = ''): void => {
    if (!watchBodies) return;
    const text = body === undefined || body === null ? '' : (bodyText(body) ?? '');
    if (!text && !headers) return;
    try {
      const absolute = new URL(String(url), location.href).href;
      window.postMessage({ policylens: 'body-hint', url: absolute, body: text, headers }, location.origin);
    } catch {
      // A URL the browser will reject anyway.
    }
  };

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
      postBody(url, data);
      return sendBeacon.call(this, url, data);
    };
  }

  const fetch = window.fetch;
  if (typeof fetch === 'function') {
    window.fetch = function (this: typeof window, input: RequestInfo | URL, init?: RequestInit) {
      const keepalive = init?.keepalive === true || (input instanceof Request && input.keepalive);
      const url = input instanceof Request ? input.url : input;
      if (keepalive) post('keepalive', url);
      postBody(url, init?.body, headerText(init?.headers ?? (input instanceof Request ? input.headers : undefined)));
      return fetch.call(this, input, init);
    };
  }

  const xhrOpen = XMLHttpRequest.prototype.open;
  const xhrSend = XMLHttpRequest.prototype.send;
  const xhrUrls = new WeakMap<XMLHttpRequest, unknown>();
  const xhrHeaders = new WeakMap<XMLHttpRequest, string[]>();
  const xhrSetHeader = XMLHttpRequest.prototype.setRequestHeader;
  XMLHttpRequest.prototype.setRequestHeader = function (this: XMLHttpRequest, name: string, value: string) {
    const lines = xhrHeaders.get(this) ?? [];
    if (lines.length < 100) lines.push(`${String(name)}: ${String(value)}`);
    xhrHeaders.set(this, lines);
    return xhrSetHeader.call(this, name, value);
  };
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    xhrUrls.set(this, args[1]);
    return (xhrOpen as (...a: unknown[]) => void).apply(this, args);
  } as XMLHttpRequest['open'];
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    postBody(xhrUrls.get(this), body, (xhrHeaders.get(this) ?? []).join('\n').slice(0, MAX_BODY));
    return xhrSend.call(this, body);
  };

  // IndexedDB writes: which database and store, and the start of the value (the
  // content script cannot read IndexedDB synchronously; see collectors/storage.ts).
  const MAX_HINTS_PER_STORE = 5;
  const hinted = new Map<string, number>();
  const sample = (value: unknown): string => {
    try {
      return (typeof value === 'string' ? value : JSON.stringify(value) ?? '').slice(0, 4_096);
    } catch {
      return ''; // a cycle, a BigInt: nothing to classify
    }
  };
  const store = typeof IDBObjectStore === 'function' ? IDBObjectStore.prototype : undefined;
  for (const method of ['put', 'add'] as const) {
    const original = store?.[method];
    if (!store || typeof original !== 'function') continue;
    store[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const value = args[0];
      try {
        const name = `${this.transaction.db.name}/${this.name}`;
        const count = hinted.get(name) ?? 0;
        if (count < MAX_HINTS_PER_STORE) {
          hinted.set(name, count + 1);
          const text = sample(value);
          window.postMessage({ policylens: 'storage-hint', key: name, sample: text, length: text.length }, location.origin);
        }
      } catch {
        // Never let watching break the page's write.
      }
      // Pass the arguments as given: an explicit `undefined` key is not the same to every browser.
      return (original as (...a: unknown[]) => IDBRequest).apply(this, args);
    } as typeof original;
  }

  // localStorage and sessionStorage: the content script reads what an area holds the moment
  // the page first reaches for it (this synchronous event comes before the page can write),
  // so it never opens an area the page does not use: opening one blocks the page on the
  // browser process (bench/README.md). The content script asks at its start whether this
  // watch is in place, and otherwise reads both areas at once.
  const watchedAreas: string[] = [];
  for (const [property, area] of [
    ['localStorage', 'local'],
    ['sessionStorage', 'session'],
  ] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(window, property);
    const get = descriptor?.get;
    if (!descriptor?.configurable || typeof get !== 'function') continue;
    let reached = false;
    const holder = {
      // A getter named like the native one ("get localStorage").
      get [property](): unknown {
        // The original first: in a sandboxed frame it throws, as it would without PolicyLens.
        const storage: unknown = Reflect.apply(get, this, []);
        if (!reached) {
          reached = true;
          dispatchEvent(new CustomEvent('policylens-storage-reached', { detail: area }));
        }
        return storage;
      },
    };
    const wrapper = Object.getOwnPropertyDescriptor(holder, property)?.get;
    if (!wrapper) continue;
    Object.defineProperty(window, property, { ...descriptor, get: wrapper });
    watchedAreas.push(area);
  }
  addEventListener('policylens-storage-ask', () => {
    dispatchEvent(new CustomEvent('policylens-storage-watched', { detail: watchedAreas.join(' ') }));
  });
})();
