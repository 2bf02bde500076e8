/**
 * The few chrome.* calls e2e tests run inside the extension's worker via
 * `worker.evaluate`. Declared here rather than pulling in all of @types/chrome.
 */
declare namespace chrome {
  namespace tabs {
    function query(filter: { url?: string | string[]; active?: boolean }): Promise<{ id?: number; url?: string }[]>;
    function create(properties: { url: string }): Promise<{ id?: number }>;
  }
  namespace storage {
    const session: {
      get(key: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
      getBytesInUse(keys: string | string[] | null): Promise<number>;
      QUOTA_BYTES: number;
    };
    const local: { get(key: string | null): Promise<Record<string, unknown>> };
  }
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
  }
  namespace declarativeNetRequest {
    function getDynamicRules(): Promise<{ id: number }[]>;
  }
  namespace contentSettings {
    const cookies: { get(details: { primaryUrl: string; secondaryUrl?: string }): Promise<{ setting: string }> };
  }
  namespace scripting {
    function getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string }[]>;
  }
  namespace action {
    function getBadgeText(details: { tabId: number }): Promise<string>;
  }
}
