// PolicyLens: Global Privacy Control on SmartErgo pages. Registered by the worker
// (scripting.registerContentScripts, world MAIN, document_start) only while the
// user's GPC switch is on, so the page's own scripts read it before they run.
(function () {
  'use strict';
  try {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
      get: function () { return true; },
      configurable: true,
      enumerable: true,
    });
  } catch (e) {
    // A page that froze Navigator.prototype: nothing to do.
  }
})();
