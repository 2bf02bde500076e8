/**
 * Code the content script needs on few pages, injected by the worker when it does.
 *
 * The content script is compiled on every SmartErgo page and frame at document_start,
 * with no code cache (Chromium compiles content scripts as inline scripts): a trace of
 * the demo home page put more than half of the script's time in V8 parsing and compiling
 * it. So what most page loads never run is not in it. When the content script needs such
 * a module it asks the worker (`load-module`), which runs the module's file in this frame
 * with scripting.executeScript; the file hands its exports to the hook below. Content
 * scripts of one extension in one frame share their global, which the page cannot see.
 * The files are not web-accessible: no page can load or detect them.
 */
import type { createLeakMatcher } from '../core/classify/leaks';
import type { ConsentReader } from './collectors/consent-reader';
import type { LateModuleName, LoadModuleMessage } from '../shared/messages';

/** What each module's file hands over. */
export interface LateModules {
  'leak-matcher': { createLeakMatcher: typeof createLeakMatcher };
  'consent-reader': { reader: ConsentReader };
}

// Every name in the message vocabulary has exports described here, and no more.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _namesMatch: Same<keyof LateModules, LateModuleName> = true;
void _namesMatch;

const HOOK = 'policylensProvideModule';
type Hook = <N extends LateModuleName>(name: N, exports: LateModules[N]) => void;
type HookHolder = { [HOOK]?: Hook };

/** In a module's file: hands its exports to the content script that asked for it. */
export function provideModule<N extends LateModuleName>(name: N, exports: LateModules[N], scope: object = globalThis): void {
  (scope as HookHolder)[HOOK]?.(name, exports);
}

export type LoadModule = <N extends LateModuleName>(name: N) => Promise<LateModules[N]>;

/**
 * In the content script: loads a module once (later calls share the first's promise; a
 * failed load is asked for again next time). The worker answers once the file has run,
 * and the file hands its exports over as it runs, so by the answer they are here.
 */
export function moduleLoader(send: (message: LoadModuleMessage) => Promise<unknown>, scope: object = globalThis): LoadModule {
  const provided = new Map<LateModuleName, unknown>();
  const loading = new Map<LateModuleName, Promise<unknown>>();
  (scope as HookHolder)[HOOK] = (name, exports) => {
    provided.set(name, exports);
  };
  return <N extends LateModuleName>(name: N): Promise<LateModules[N]> => {
    let load = loading.get(name);
    if (!load) {
      load = send({ type: 'load-module', module: name }).then(() => {
        if (!provided.has(name)) throw new Error(`PolicyLens: the worker ran ${name} but it did not arrive`);
        return provided.get(name);
      });
      load.catch(() => loading.delete(name));
      loading.set(name, load);
    }
    return load as Promise<LateModules[N]>;
  };
}
