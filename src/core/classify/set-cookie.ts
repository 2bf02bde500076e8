/**
 * A Set-Cookie response header, read into the shape the cookies API reports
 * (CookieData), so a cookie the browser never stored (a blocking rule removed the
 * header) can still be shown as the attempt it was. RFC 6265 section 5.2, the parts
 * that decide which cookie it is (name, domain, path) and its attributes.
 */
import type { CookieData } from '../model';

/** RFC 6265 5.1.4: the directory of the request path, "/" at the top. */
export function defaultPath(urlPath: string): string {
  if (!urlPath.startsWith('/')) return '/';
  const last = urlPath.lastIndexOf('/');
  return last <= 0 ? '/' : urlPath.slice(0, last);
}

/**
 * The cookie a Set-Cookie header sets for a response from `url`, or undefined when
 * the header names none or sets it for another site. `now` is milliseconds since the epoch.
 */
export function parseSetCookie(header: string, url: string, now: number): CookieData | undefined {
  let requestUrl: URL;
  try {
    requestUrl = new URL(url);
  } catch {
    return undefined;
  }
  const [pair = '', ...attributes] = header.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const name = pair.slice(0, eq).trim();
  const value = pair.slice(eq + 1).trim();
  if (!name) return undefined;

  const host = requestUrl.hostname.toLowerCase();
  const cookie: CookieData = {
    name,
    value,
    domain: host,
    path: defaultPath(requestUrl.pathname),
    hostOnly: true,
    secure: false,
    httpOnly: false,
    sameSite: 'unspecified',
    session: true,
  };
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const at = attribute.indexOf('=');
    const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
    const val = at < 0 ? '' : attribute.slice(at + 1).trim();
    switch (key) {
      case 'domain': {
        const domain = val.replace(/^\./, '').toLowerCase();
        if (!domain) break;
        // A response may only set a cookie for its own host or a parent domain.
        if (host !== domain && !host.endsWith(`.${domain}`)) return undefined;
        cookie.domain = `.${domain}`;
        cookie.hostOnly = false;
        break;
      }
      case 'path':
        if (val.startsWith('/')) cookie.path = val;
        break;
      case 'secure':
        cookie.secure = true;
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'samesite':
        cookie.sameSite = val.toLowerCase() === 'none' ? 'no_restriction' : val.toLowerCase() || 'unspecified';
        break;
      case 'max-age':
        if (/^-?\d+$/.test(val)) maxAge = Number(val);
        break;
      case 'expires': {
        const time = Date.parse(val);
        if (Number.isFinite(time)) expires = time;
        break;
      }
    }
  }
  // Max-Age wins over Expires (5.3 step 3).
  const expiry = maxAge !== undefined ? now + maxAge * 1000 : expires;
  if (expiry !== undefined) {
    cookie.session = false;
    cookie.expirationDate = Math.floor(expiry / 1000);
  }
  return cookie;
}
