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
  type GetPageResponse,
  type LoggedRightsRequest,
  type LogRequestMessage,
  type PopupMessage,
} from '../shared/messages';
import type { BlockingSettings, SettingsChange } from '../core/blocking/settings';
import { isSmartErgoUrl } from '../core/site';

export interface RouterDeps {
  extensionId: string;
  /** "chrome-extension://<id>/" or "moz-extension://<uuid>/". */
  extensionOrigin: string;
  onContent(message: ContentMessage, from: { tabId: number; frameId: number; url: string; tabUrl: string | undefined }): Promise<void>;
  onGetPage(tabId: number): Promise<GetPageResponse>;
  onUpdateSettings(change: SettingsChange): Promise<BlockingSettings>;
  onLogRequest(message: LogRequestMessage): Promise<LoggedRightsRequest>;
  onGetBlocked(tabId: number): Promise<GetBlockedResponse>;
}

export type RouterReply =
  | GetPageResponse
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
    if (tabId === undefined || tabId < 0 || !isSmartErgoUrl(sender.url)) return undefined;
    const parsed = validateContentMessage(message);
    if (!parsed.ok) {
      console.warn('PolicyLens: dropped a malformed message from tab', tabId, parsed.error);
      return undefined;
    }
    await deps.onContent(parsed.value, {
      tabId,
      frameId: sender.frameId ?? 0,
      url: sender.url as string,
      tabUrl: sender.tab?.url,
    });
    return undefined;
  };

  function handlePopup(message: PopupMessage): Promise<RouterReply> {
    switch (message.type) {
      case 'get-page':
        return deps.onGetPage(message.tabId);
      case 'update-settings':
        return deps.onUpdateSettings(message.change);
      case 'log-request':
        return deps.onLogRequest(message);
      case 'get-blocked':
        return deps.onGetBlocked(message.tabId);
    }
  }
}
