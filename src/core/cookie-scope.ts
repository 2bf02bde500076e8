/** Which page URLs a cookie is sent to (RFC 6265 domain and path matching). */
import type { CookieData } from './model';

export function cookieAppliesTo(cookie: Pick<CookieData, 'domain' | 'path' | 'hostOnly'>, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const domain = cookie.domain.toLowerCase().replace(/^\./, '');
  const domainMatches = cookie.hostOnly ? host === domain : host === domain || host.endsWith(`.${domain}`);
  return domainMatches && pathMatches(parsed.pathname || '/', cookie.path || '/');
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}
