// PolicyLens: registered by the worker (scripting.registerContentScripts, world MAIN,
// document_start) only while the user blocks all cookies on SmartErgo. The browser
// then drops every document.cookie write silently; this passes the name and value of
// each attempt to PolicyLens's content script, so the popup can list it as blocked.
(function () {
  'use strict';
  var descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!descriptor || !descriptor.get || !descriptor.set || !descriptor.configurable) return;
  var set = descriptor.set;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: descriptor.enumerable,
    get: descriptor.get,
    set: function (value) {
      set.call(this, value);
      try {
        var pair = String(value).split(';')[0];
        var eq = pair.indexOf('=');
        if (eq > 0) {
          window.postMessage(
            { policylens: 'cookie-attempt', name: pair.slice(0, eq).trim(), value: pair.slice(eq + 1).trim() },
            location.origin,
          );
        }
      } catch (e) {
        // Never break the page's own cookie code.
      }
    },
  });
})();
