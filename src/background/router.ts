/**
 * Decides who sent a message from the browser-set `sender` fields, validates the
 * body against the message vocabulary, and hands it to the right handler.
 * Anything else is dropped with a console note; nothing a page sends can throw here.
 */
import type { Runtime } from '../shared/browser';
import {
  validateContentMessage,
  validatePopupMessage,
  type ContentMessage,
  type GetBlockedResponse,
  type FirstScreenResponse,
  type GetPageMessage,
  type GetPageResponse,
  type LateModuleName,
  type LoadModuleMessage,
  type LoggedRightsRequest,
  type PackedGetPageResponse,
  type LogRequestMessage,
  type PopupMessage,
} from '../shared/messages';
import type { BlockingSettings, SettingsChange } from '../core/blocking/settings';
import { isSmartErgoUrl } from '../core/site';

/** Who sent a content message, from browser-set `sender` fields only. */
export interface ContentSender {
  tabId: number;
  frameId: number;
  url: string;
  tabUrl: string | undefined;
  /** Chromium's id of the sending document (absent in Firefox). */
  documentId?: string;
  /** Chromium's "active", "prerender", "cached" or "pending_deletion" (absent in Firefox). */
  documentLifecycle?: string;
}

export interface RouterDeps {
  extensionId: string;
  /** "chrome-extension://<id>/" or "moz-extension://<uuid>/". */
  extensionOrigin: string;
  onContent(message: Exclude<ContentMessage, LoadModuleMessage>, from: ContentSender): Promise<void>;
  /** Runs a module's file in the sending frame (content/late-modules.ts); resolves once it has run. */
  onLoadModule(module: LateModuleName, from: ContentSender): Promise<void>;
  onGetPage(message: GetPageMessage): Promise<GetPageResponse | PackedGetPageResponse | FirstScreenResponse>;
  onUpdateSettings(change: SettingsChange): Promise<BlockingSettings>;
  onLogRequest(message: LogRequestMessage): Promise<LoggedRightsRequest>;
  onGetBlocked(tabId: number): Promise<GetBlockedResponse>;
}

export type RouterReply =
  | GetPageResponse
  | PackedGetPageResponse
  | FirstScreenResponse
  | BlockingSettings
  | LoggedRightsRequest
  | GetBlockedResponse
  | { error: string }
  | undefined;

export function createRouter(deps: RouterDeps) {
  return async function route(message: unknown, sender: Runtime.MessageSender): Promise<RouterReply> {
    if (sender.id !== deps.extensionId) return undefined;

    const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(deps.extensionOrigin);
    if (fromExtensionPage) {
      const parsed = validatePopupMessage(message);
      if (!parsed.ok) return { error: parsed.error };
      return handlePopup(parsed.value);
    }

    // A content script: the tab and frame come from the browser, never from the message.
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0 || !isSmartErgoFrame(sender)) return undefined;
    const parsed = validateContentMessage(message);
    if (!parsed.ok) {
      console.warn('PolicyLens: dropped a malformed message from tab', tabId, parsed.error);
      return undefined;
    }
    // Not in the polyfill's types: Chromium sets them (106+), Firefox does not.
    const { documentId, documentLifecycle } = sender as { documentId?: unknown; documentLifecycle?: unknown };
    const from: ContentSender = {
      tabId,
      frameId: sender.frameId ?? 0,
      url: sender.url ?? '',
      tabUrl: sender.tab?.url,
      ...(typeof documentId === 'string' ? { documentId } : {}),
      ...(typeof documentLifecycle === 'string' ? { documentLifecycle } : {}),
    };
    const content = parsed.value;
    if (content.type === 'load-module') await deps.onLoadModule(content.module, from);
    else await deps.onContent(content, from);
    return undefined;
  };

  function handlePopup(message: PopupMessage): Promise<RouterReply> {
    switch (message.type) {
      case 'get-page':
        return deps.onGetPage(message);
      case 'update-settings':
        return deps.onUpdateSettings(message.change);
      case 'log-request':
        return deps.onLogRequest(message);
      case 'get-blocked':
        return deps.onGetBlocked(message.tabId);
    }
  }
}

/** Schemes of documents that have no network origin of their own: their creator's page is theirs. */
const LOCAL_SCHEMES = ['about:', 'data:', 'blob:'];

/**
 * Whether a content script's frame is part of a SmartErgo page, from browser-set fields only.
 * A SmartErgo URL is. So is a subframe whose document the page made itself (about:blank,
 * about:srcdoc, data:, blob:; the content script runs there through match_origin_as_fallback)
 * while the tab's top-level page is SmartErgo's: such a frame has no URL of its own to judge,
 * so its origin decides where the browser gives one (Chromium's `sender.origin`: SmartErgo's for
 * about:blank, srcdoc and blob:, "null" for data:), and a blob: URL carries its creator's origin.
 * Never a field of the message.
 */
export function isSmartErgoFrame(sender: Runtime.MessageSender): boolean {
  if (isSmartErgoUrl(sender.url)) return true;
  const url = sender.url ?? '';
  const scheme = LOCAL_SCHEMES.find((s) => url.toLowerCase().startsWith(s));
  if (!scheme || !sender.frameId || sender.frameId <= 0 || !isSmartErgoUrl(sender.tab?.url)) return false;
  if (scheme === 'blob:' && !isSmartErgoUrl(url.slice('blob:'.length))) return false;
  // Not in the polyfill's types; Chromium sets it, Firefox does not.
  const origin = (sender as { origin?: unknown }).origin;
  if (origin === undefined) return true;
  // "null": an opaque origin (data:, a sandboxed srcdoc), where the browser injects only if the creator matched.
  return origin === 'null' || (typeof origin === 'string' && isSmartErgoUrl(`${origin}/`));
}
