/** Which pages PolicyLens looks at: SmartErgo's website and its subdomains, nothing else. */

export const SMARTERGO_DOMAIN = 'smartergo.com';

/** Match patterns for the manifest, webRequest filters and the cookies API. */
export const SMARTERGO_MATCH_PATTERNS = ['*://smartergo.com/*', '*://*.smartergo.com/*'];

export function isSmartErgoHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === SMARTERGO_DOMAIN || h.endsWith(`.${SMARTERGO_DOMAIN}`);
}

export function isSmartErgoUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'https:' || protocol === 'http:') && isSmartErgoHost(hostname);
  } catch {
    return false;
  }
}
