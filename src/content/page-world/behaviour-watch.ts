/**
 * Runs in the page's own world (MAIN), before the page's scripts, on SmartErgo pages
 * (all frames). It wraps the browser features that fingerprinting and session recording
 * use, counts per calling script what each script does with them, and posts the counts
 * (never the values) to PolicyLens's content script, which decides with the pure
 * thresholds in src/core/classify/{fingerprinting,recording}.ts
 * (collectors/page-behaviour.ts).
 *
 * The wrappers are meant to be invisible to the page: the same `this`, arguments and
 * return values; the original's exceptions pass through unchanged, our own bookkeeping
 * never throws; name, length and Function.prototype.toString look native. The calling
 * script is read from a stack trace (the first http(s) frame; the wrapper's own frames
 * are the extension's), and a stack is only taken when a count can change, so a page
 * reading navigator.userAgent in a loop pays for a few stacks, not one per read.
 *
 * Self-contained (built standalone by crxjs): only type imports.
 */
import type { CanvasRead, FingerprintUsage } from '../../core/classify/fingerprinting';
import type { RecordingUsage } from '../../core/classify/recording';

/** The message this script posts (collectors/page-behaviour.ts validates it). */
export interface BehaviourUsageMessage {
  policylens: 'behaviour-usage';
  /** The calling script's URL without query or fragment; '' when no stack named one. */
  script: string;
  fingerprint: FingerprintUsage;
  recording: RecordingUsage;
}

(() => {
  // What we use, taken before any page script can replace it.
  const top = window;
  const reflectApply = Reflect.apply;
  const getDescriptor = Object.getOwnPropertyDescriptor;
  const defineProperty = Object.defineProperty;
  const getPrototypeOf = Object.getPrototypeOf;
  const NativeError = Error;
  const postMessage = top.postMessage.bind(top);
  const setTimer = top.setTimeout.bind(top);
  const addListener = top.addEventListener.bind(top);
  const origin = location.origin;

  // --- Bounds: a page cannot make this grow without end.
  const MAX_SCRIPTS = 64;
  const MAX_CANVAS_READS = 8;
  const MAX_DISTINCT = 64; // per script: fonts, navigator properties, WebGL parameters
  const MAX_SEEN = 1_024; // per frame: values already credited to some script
  const STACKS_PER_PROPERTY = 64;
  const VALUE_READS_PER_FIELD = 8;

  // --- Per script ---------------------------------------------------------------

  interface ScriptUsage {
    fingerprint: FingerprintUsage;
    fonts: Set<string>;
    properties: Set<string>;
    parameters: Set<number>;
    recording: RecordingUsage;
  }

  const scripts = new Map<string, ScriptUsage>();
  const dirty = new Set<string>();
  let flushing = false;

  const EXTENSION_URL = /^[a-z-]+-extension:/;
  const FRAME_URL = /(https?:\/\/[^\s()]+?):\d+:\d+/g;

  /** The nearest script on the call stack that is not PolicyLens ('' when none is named). */
  function callerScript(): string {
    let stack = '';
    try {
      stack = String(new NativeError().stack ?? '');
    } catch {
      return '';
    }
    for (const match of stack.matchAll(FRAME_URL)) {
      const url = match[1] ?? '';
      if (!EXTENSION_URL.test(url)) return url.replace(/[?#].*$/, '');
    }
    return '';
  }

  function usageOf(script: string): ScriptUsage | undefined {
    let usage = scripts.get(script);
    if (!usage) {
      if (scripts.size >= MAX_SCRIPTS) return undefined;
      usage = {
        fingerprint: {
          canvasReads: [],
          webglDebugInfo: 0,
          webglExtensionLists: 0,
          webglParameters: 0,
          audioRenders: 0,
          fontProbes: 0,
          navigatorProperties: [],
        },
        fonts: new Set(),
        properties: new Set(),
        parameters: new Set(),
        recording: { documentObservers: 0, mouseListeners: 0, keyListeners: 0, scrollListeners: 0, typedValueReads: 0 },
      };
      scripts.set(script, usage);
    }
    return usage;
  }

  /** Counts something for the calling script, and sends its counts soon. */
  function count(change: (usage: ScriptUsage) => void): void {
    const script = callerScript();
    const usage = usageOf(script);
    if (!usage) return;
    change(usage);
    dirty.add(script);
    if (!flushing) {
      flushing = true;
      setTimer(flush, 100);
    }
  }

  function flush(): void {
    flushing = false;
    for (const script of dirty) {
      const usage = scripts.get(script);
      if (!usage) continue;
      const message: BehaviourUsageMessage = {
        policylens: 'behaviour-usage',
        script,
        fingerprint: {
          ...usage.fingerprint,
          canvasReads: [...usage.fingerprint.canvasReads],
          fontProbes: usage.fonts.size,
          navigatorProperties: [...usage.properties],
          webglParameters: usage.parameters.size,
        },
        recording: { ...usage.recording },
      };
      try {
        postMessage(message, origin);
      } catch {
        // An opaque origin ("null"): nowhere to post; nothing to report from this frame.
      }
    }
    dirty.clear();
  }

  const addBounded = <T>(set: Set<T>, value: T, max = MAX_DISTINCT): void => {
    if (set.size < max) set.add(value);
  };

  // --- Wrapping -------------------------------------------------------------------

  /** wrapper → original, so toString answers with the original's text. */
  const originals = new WeakMap<object, object>();

  type Hook = (self: unknown, args: unknown[], result: unknown) => void;

  const quietly = (hook: Hook, self: unknown, args: unknown[], result: unknown): void => {
    try {
      hook(self, args, result);
    } catch {
      // Bookkeeping must never break the page.
    }
  };

  /** Replaces proto[name] with a method that calls the original, then `after`. */
  function wrapMethod(proto: object | undefined, name: string, after: Hook): void {
    const descriptor = proto && getDescriptor(proto, name);
    const original: unknown = descriptor?.value;
    if (!proto || !descriptor || typeof original !== 'function' || !descriptor.configurable) return;
    const wrapper = {
      // A method, like the native one: no prototype, not a constructor, the same name.
      [name](this: unknown, ...args: unknown[]): unknown {
        const result: unknown = reflectApply(original as (...a: unknown[]) => unknown, this, args);
        quietly(after, this, args, result);
        return result;
      },
    }[name] as (...args: unknown[]) => unknown;
    defineProperty(wrapper, 'length', { value: (original as { length: number }).length });
    originals.set(wrapper, original as object);
    defineProperty(proto, name, { ...descriptor, value: wrapper });
  }

  /** Replaces the getter of proto[name] with one that calls `before`, then the original. */
  function wrapGetter(proto: object | undefined, name: string, before: (self: unknown) => void): void {
    const descriptor = proto && getDescriptor(proto, name);
    const original = descriptor?.get;
    if (!proto || !descriptor || typeof original !== 'function' || !descriptor.configurable) return;
    const holder = {
      get [name](): unknown {
        quietly(before, this, [], undefined);
        return reflectApply(original, this, []);
      },
    };
    const wrapper = getDescriptor(holder, name)?.get;
    if (!wrapper) return;
    originals.set(wrapper, original);
    defineProperty(proto, name, { ...descriptor, get: wrapper });
  }

  type Realm = Window & typeof globalThis & Record<string, unknown>;
  const protoOf = (realm: Realm, name: string): object | undefined =>
    (realm[name] as { prototype?: object } | undefined)?.prototype;

  // --- Fingerprinting ------------------------------------------------------------

  interface CanvasState {
    chars: Set<string>;
    colours: Set<string>;
  }
  /** Canvases something drew text or shapes on (drawImage alone does not put one here). */
  const drawn = new WeakMap<object, CanvasState>();
  /** Values some script has already been credited with in this frame (fonts, WebGL parameters). */
  const seenFonts = new Set<string>();
  const seenParameters = new Set<number>();
  const propertyStacks = new Map<string, number>();
  const audioGraphs = new WeakMap<object, number>();
  const countedAudio = new WeakSet<object>();

  const UNMASKED_VENDOR_WEBGL = 0x9245;
  const UNMASKED_RENDERER_WEBGL = 0x9246;

  function noteDrawing(context: unknown, text: unknown): void {
    const ctx = context as CanvasRenderingContext2D;
    const canvas = ctx.canvas as object | undefined;
    if (!canvas) return;
    let state = drawn.get(canvas);
    if (!state) {
      state = { chars: new Set(), colours: new Set() };
      drawn.set(canvas, state);
    }
    for (const style of [ctx.fillStyle, ctx.strokeStyle]) if (typeof style === 'string') addBounded(state.colours, style, 8);
    if (typeof text === 'string') for (const char of text.slice(0, 256)) addBounded(state.chars, char, 32);
  }

  function noteReadBack(canvas: unknown): void {
    const state = drawn.get(canvas as object);
    if (!state) return;
    const element = canvas as HTMLCanvasElement;
    // Text drawn in the current fill style is what decides; the stroke style is only a colour when stroked.
    const read: CanvasRead = { chars: state.chars.size, colours: state.colours.size, width: element.width, height: element.height };
    count((usage) => {
      if (usage.fingerprint.canvasReads.length < MAX_CANVAS_READS) usage.fingerprint.canvasReads.push(read);
    });
  }

  function noteFont(family: unknown): void {
    if (typeof family !== 'string' || family === '' || seenFonts.has(family) || seenFonts.size >= MAX_SEEN) return;
    seenFonts.add(family);
    count((usage) => addBounded(usage.fonts, family));
  }

  function noteProperty(name: string): void {
    const taken = propertyStacks.get(name) ?? 0;
    if (taken >= STACKS_PER_PROPERTY) return;
    propertyStacks.set(name, taken + 1);
    count((usage) => addBounded(usage.properties, name));
  }

  /** Context prototypes already wrapped (one per realm and kind). */
  const watchedContexts = new WeakSet<object>();

  function watch2d(proto: object): void {
    for (const name of ['fillText', 'strokeText']) wrapMethod(proto, name, (self, args) => noteDrawing(self, args[0]));
    for (const name of ['fillRect', 'strokeRect', 'fill', 'stroke']) wrapMethod(proto, name, (self) => noteDrawing(self, undefined));
    wrapMethod(proto, 'getImageData', (self) => noteReadBack((self as CanvasRenderingContext2D).canvas));
    wrapMethod(proto, 'measureText', (self) => noteFont((self as CanvasRenderingContext2D).font));
  }

  function watchWebgl(proto: object): void {
    wrapMethod(proto, 'getParameter', (_self, args) => {
      const pname = args[0];
      if (pname === UNMASKED_VENDOR_WEBGL || pname === UNMASKED_RENDERER_WEBGL) {
        count((usage) => usage.fingerprint.webglDebugInfo++);
      } else if (typeof pname === 'number' && !seenParameters.has(pname) && seenParameters.size < MAX_SEEN) {
        seenParameters.add(pname);
        count((usage) => addBounded(usage.parameters, pname));
      }
    });
    wrapMethod(proto, 'getSupportedExtensions', () => count((usage) => usage.fingerprint.webglExtensionLists++));
  }

  function watchFingerprinting(realm: Realm): void {
    const canvasElement = protoOf(realm, 'HTMLCanvasElement');
    for (const name of ['toDataURL', 'toBlob']) wrapMethod(canvasElement, name, (self) => noteReadBack(self));
    // The 2D and WebGL context prototypes are wrapped when a page first asks for such a
    // context, not here: merely touching WebGLRenderingContext and WebGL2RenderingContext
    // makes Chromium build their (large) interfaces, about 4 ms on every page and frame
    // (bench/README.md). A script that took a context method off the prototype before
    // any context existed goes unseen; fingerprinting scripts call it on the context.
    wrapMethod(canvasElement, 'getContext', (_self, args, context) => {
      if (typeof context !== 'object' || context === null) return;
      const proto: unknown = getPrototypeOf(context);
      if (typeof proto !== 'object' || proto === null || watchedContexts.has(proto)) return;
      watchedContexts.add(proto);
      const kind = String(args[0]);
      if (kind === '2d') watch2d(proto);
      else if (kind === 'webgl' || kind === 'webgl2' || kind === 'experimental-webgl') watchWebgl(proto);
    });

    const audio = protoOf(realm, 'BaseAudioContext') ?? protoOf(realm, 'AudioContext');
    const mark = (bit: number) => (self: unknown) => audioGraphs.set(self as object, (audioGraphs.get(self as object) ?? 0) | bit);
    wrapMethod(audio, 'createOscillator', mark(1));
    wrapMethod(audio, 'createDynamicsCompressor', mark(2));
    const rendered = (context: unknown): void => {
      if (audioGraphs.get(context as object) !== 3 || countedAudio.has(context as object)) return;
      countedAudio.add(context as object);
      count((usage) => usage.fingerprint.audioRenders++);
    };
    wrapMethod(protoOf(realm, 'OfflineAudioContext'), 'startRendering', (self) => rendered(self));
    wrapMethod(protoOf(realm, 'AnalyserNode'), 'getFloatFrequencyData', (self) => rendered((self as AnalyserNode).context));

    const element = protoOf(realm, 'HTMLElement');
    for (const name of ['offsetWidth', 'offsetHeight']) {
      wrapGetter(element, name, (self) => noteFont((self as HTMLElement).style?.fontFamily));
    }
    wrapMethod(protoOf(realm, 'FontFaceSet'), 'check', (_self, args) => noteFont(args[0]));

    for (const [owner, names] of [
      ['Navigator', ['userAgent', 'appVersion', 'platform', 'vendor', 'language', 'languages', 'hardwareConcurrency', 'deviceMemory', 'maxTouchPoints', 'plugins', 'mimeTypes', 'cookieEnabled', 'doNotTrack', 'pdfViewerEnabled', 'webdriver', 'oscpu', 'productSub', 'buildID', 'connection', 'userAgentData']],
      ['Screen', ['width', 'height', 'availWidth', 'availHeight', 'availLeft', 'availTop', 'colorDepth', 'pixelDepth', 'orientation']],
    ] as const) {
      const proto = protoOf(realm, owner);
      const prefix = owner === 'Navigator' ? 'navigator.' : 'screen.';
      for (const name of names) wrapGetter(proto, name, () => noteProperty(prefix + name));
    }
  }

  // --- Recording -------------------------------------------------------------------

  const MOUSE = ['mousemove', 'pointermove', 'touchmove'];
  const KEYS = ['keydown', 'keyup', 'keypress', 'input', 'change'];
  /** Fields the visitor typed into, and how many value reads were counted for each. */
  const typed = new WeakMap<object, number>();
  let submitting = false;

  function watchRecording(realm: Realm): void {
    const doc = realm.document;
    wrapMethod(protoOf(realm, 'MutationObserver'), 'observe', (_self, args) => {
      const [target, options] = args as [unknown, MutationObserverInit | undefined];
      if (target !== doc && target !== doc.documentElement && target !== doc.body) return;
      if (!options?.subtree) return;
      const detailed = options.attributes || options.characterData || options.attributeFilter || options.attributeOldValue || options.characterDataOldValue;
      if (detailed) count((usage) => usage.recording.documentObservers++);
    });
    wrapMethod(protoOf(realm, 'EventTarget'), 'addEventListener', (self, args) => {
      if (self !== realm && self !== doc) return;
      const type = args[0];
      if (typeof type !== 'string') return;
      if (MOUSE.includes(type)) count((usage) => usage.recording.mouseListeners++);
      else if (KEYS.includes(type)) count((usage) => usage.recording.keyListeners++);
      else if (type === 'scroll') count((usage) => usage.recording.scrollListeners++);
    });
  }

  /** Field prototypes whose value getter is wrapped. */
  const watchedFields = new WeakSet<object>();

  /**
   * Counts reads of what the visitor typed. Only fields typed into count, so the getter is
   * wrapped when the visitor first types into such a field (from the capture listener
   * below, before any page listener can read it), not on every page load: touching
   * HTMLInputElement and HTMLTextAreaElement costs Chromium about 2 ms per page.
   */
  function watchTypedValues(field: object): void {
    let proto: unknown = getPrototypeOf(field);
    while (typeof proto === 'object' && proto !== null && !getDescriptor(proto, 'value')?.get) proto = getPrototypeOf(proto);
    if (typeof proto !== 'object' || proto === null || watchedFields.has(proto)) return;
    watchedFields.add(proto);
    wrapGetter(proto, 'value', (self) => {
      const reads = typed.get(self as object);
      if (reads === undefined || reads >= VALUE_READS_PER_FIELD || submitting) return;
      typed.set(self as object, reads + 1);
      count((usage) => usage.recording.typedValueReads++);
    });
  }

  // Which fields the visitor is typing into, seen before any page listener (registered
  // here first, at window level, capture phase), with the unwrapped addEventListener.
  addListener(
    'input',
    (event) => {
      const target = event.target as object | null;
      if (!event.isTrusted || !target || typed.has(target)) return;
      typed.set(target, 0);
      const name = (target as { localName?: unknown }).localName;
      if (name === 'input' || name === 'textarea') quietly(() => watchTypedValues(target), undefined, [], undefined);
    },
    { capture: true, passive: true },
  );
  // The form's own submission reads what was typed: that is not recording.
  addListener(
    'submit',
    () => {
      submitting = true;
      setTimer(() => {
        submitting = false;
      }, 0);
    },
    { capture: true, passive: true },
  );

  // --- Realms ------------------------------------------------------------------------

  const instrumented = new WeakSet<object>();

  function instrument(realm: Realm): void {
    const marker = protoOf(realm, 'HTMLElement');
    if (!marker || instrumented.has(marker)) return;
    instrumented.add(marker);
    const functionProto = protoOf(realm, 'Function') as { toString: () => string } | undefined;
    const nativeToString = functionProto?.toString;
    watchFingerprinting(realm);
    watchRecording(realm);
    // Last, so the wrappers above already answer with their originals' text.
    if (functionProto && nativeToString) {
      const toString = {
        toString(this: unknown): string {
          return reflectApply(nativeToString, originals.get(this as object) ?? this, []) as string;
        },
      }.toString;
      originals.set(toString, nativeToString);
      defineProperty(functionProto, 'toString', { ...getDescriptor(functionProto, 'toString'), value: toString });
    }
  }

  instrument(top as Realm);

  // A same-origin iframe has its own, unwrapped prototypes (FingerprintJS measures fonts
  // in one): wrap them the first time the page reaches into the frame.
  const frameProto = protoOf(top as Realm, 'HTMLIFrameElement');
  const contentWindowOf = frameProto && getDescriptor(frameProto, 'contentWindow')?.get;
  const reachIn = (frame: unknown): void => {
    if (!contentWindowOf) return;
    try {
      const realm = reflectApply(contentWindowOf, frame, []) as Realm | null;
      if (realm) instrument(realm);
    } catch {
      // Cross-origin: its own content scripts (if any) watch it.
    }
  };
  for (const name of ['contentWindow', 'contentDocument']) {
    const descriptor = frameProto && getDescriptor(frameProto, name);
    const original = descriptor?.get;
    if (!frameProto || !descriptor || !original) continue;
    const holder = {
      get [name](): unknown {
        const result: unknown = reflectApply(original, this, []);
        if (result) reachIn(this);
        return result;
      },
    };
    const wrapper = getDescriptor(holder, name)?.get;
    if (!wrapper) continue;
    originals.set(wrapper, original);
    defineProperty(frameProto, name, { ...descriptor, get: wrapper });
  }
})();
