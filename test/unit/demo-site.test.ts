import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_HOSTS, DEMO_PAGES, MAX_LOGGED_BODY, startDemoSite } from '../fixtures/server';
import type { DemoSite } from '../fixtures/server';

const POLICY = readFileSync(new URL('../../src/data/privacy-policy.txt', import.meta.url), 'utf8');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

let site: DemoSite;

/** One HTTPS request to the demo server as `host` (SNI and Host header), certificate not checked. */
function fetchAs(
  host: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: site.port,
        servername: host,
        method: options.method ?? 'GET',
        path,
        headers: { host, ...options.headers },
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

beforeAll(async () => {
  site = await startDemoSite();
});
afterAll(async () => {
  await site.close();
});
beforeEach(() => {
  site.clearLog();
});

describe('demo site: server shape', () => {
  it('listens on a free port and maps every host to it, then refuses the rest', () => {
    expect(site.port).toBeGreaterThan(0);
    expect(site.hosts).toEqual([
      'www.smartergo.com',
      'smartergo.com',
      'shop.smartergo.com',
      'www.googletagmanager.com',
      'www.google-analytics.com',
      'www.facebook.com',
      'connect.facebook.net',
      'widget.intercom.io',
      'api-iam.intercom.io',
      'cdn.amplitude.com',
      'api2.amplitude.com',
      'sr-client-cfg.amplitude.com',
      'cdn.mxpnl.com',
      'api-js.mixpanel.com',
      'cdn.ergo-partners.net',
      'openfpcdn.io',
      'cdn.replay-insights.io',
      'collect.replay-insights.io',
    ]);
    expect(site.hosts).toEqual([...DEMO_HOSTS]);
    const rules = site.hostResolverRules();
    expect(rules).toBe(
      [...site.hosts.map((host) => `MAP ${host} 127.0.0.1:${site.port}`), 'MAP * ~NOTFOUND'].join(', '),
    );
    expect(rules.endsWith(', MAP * ~NOTFOUND')).toBe(true);
  });

  it('serves a certificate that names every host', async () => {
    const { X509Certificate } = await import('node:crypto');
    const altNames = new X509Certificate(site.certificate).subjectAltName ?? '';
    for (const host of site.hosts) expect(altNames).toContain(`DNS:${host}`);
  });

  it('answers an unknown host with 421', async () => {
    const answer = await fetchAs('example.org', '/');
    expect(answer.status).toBe(421);
  });
});

describe('demo site: pages', () => {
  it('home sets the session and preferences cookies with the right attributes', async () => {
    const answer = await fetchAs('www.smartergo.com', '/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-store');
    const cookies = answer.headers['set-cookie'] ?? [];
    expect(cookies).toHaveLength(2);
    expect(cookies[0]).toMatch(/^SESSIONID=[0-9a-f]{32}; Path=\/; Secure; HttpOnly; SameSite=Lax$/);
    expect(cookies[1]).toBe('se_prefs=lang%3Den; Path=/; Max-Age=31536000; Secure; SameSite=Lax');
    expect(answer.text).toContain('https://www.googletagmanager.com/gtag/js?id=G-DEMO123');
    expect(answer.text).toContain(
      '<img src="https://www.facebook.com/tr?id=1234567890&amp;ev=PageView&amp;noscript=1" width="1" height="1" style="display:none" alt="">',
    );
    expect(answer.text).toMatch(/<a id="deals-link" href="#deals" ping="https:\/\/www\.smartergo\.com\/ping\/click">/);
  });

  it('keeps a visitor’s existing session id', async () => {
    const id = 'a'.repeat(32);
    const answer = await fetchAs('www.smartergo.com', '/', { headers: { cookie: `SESSIONID=${id}` } });
    expect(answer.headers['set-cookie']?.[0]).toMatch(new RegExp(`^SESSIONID=${id};`));
  });

  it('serves every page in DEMO_PAGES, marked control or tracking, with a footer link to the policy', async () => {
    for (const page of DEMO_PAGES) {
      const url = new URL(page.url);
      const answer = await fetchAs(url.hostname, url.pathname + url.search);
      expect(answer.status, page.url).toBe(200);
      expect(answer.headers['content-type'], page.url).toBe('text/html; charset=utf-8');
      expect(answer.headers['cache-control'], page.url).toBe('no-store');
      expect(answer.text, page.url).toContain(
        `<meta name="policylens-fixture" content="${page.control ? 'control' : 'tracking'}">`,
      );
      expect(answer.text, page.url).toContain('href="https://www.smartergo.com/privacy"');
      expect(answer.text, page.url).not.toContain('<!--@');
      if (page.control) expect(page.expects, page.url).toEqual([]);
    }
  });

  it('control pages set no cookie and load nothing from another site', async () => {
    for (const page of DEMO_PAGES.filter((p) => p.control)) {
      const url = new URL(page.url);
      const answer = await fetchAs(url.hostname, url.pathname);
      expect(answer.headers['set-cookie'], page.url).toBeUndefined();
      const resources = [...answer.text.matchAll(/\b(?:src|ping|action)="([^"]*)"|<link[^>]*href="([^"]*)"/g)].map(
        (m) => m[1] ?? m[2] ?? '',
      );
      for (const resource of resources) {
        expect(resource, `${page.url}: ${resource}`).not.toMatch(/^(?:https?:)?\/\//);
      }
    }
    const about = await fetchAs('www.smartergo.com', '/about');
    expect(about.text).toContain('<img class="spacer" src="/assets/img/spacer.gif" width="1" height="1" alt="">');
  });

  it('serves first-party assets with their content types', async () => {
    const cases: [string, string][] = [
      ['/assets/site.css', 'text/css; charset=utf-8'],
      ['/assets/js/stock.js', 'text/javascript; charset=utf-8'],
      ['/assets/img/chair.svg', 'image/svg+xml'],
      ['/assets/img/spacer.gif', 'image/gif'],
      ['/api/stock.json', 'application/json; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const answer = await fetchAs('www.smartergo.com', path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers['content-type'], path).toBe(type);
    }
    expect((await fetchAs('shop.smartergo.com', '/assets/js/cart.js')).status).toBe(200);
    expect((await fetchAs('www.smartergo.com', '/assets/missing.css')).status).toBe(404);
  });

  it('redirects smartergo.com to www, keeping the path', async () => {
    const answer = await fetchAs('smartergo.com', '/privacy?x=1');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('https://www.smartergo.com/privacy?x=1');
  });

  it('checkout asks for personal data with autocomplete tokens and answers a post with a thank-you page', async () => {
    const form = await fetchAs('shop.smartergo.com', '/checkout');
    for (const token of ['given-name', 'family-name', 'email', 'tel', 'street-address', 'postal-code', 'cc-number', 'cc-exp']) {
      expect(form.text).toContain(`autocomplete="${token}"`);
    }
    const body = 'given-name=Jane&family-name=Doe&cc-number=4111111111111111';
    const answer = await fetchAs('shop.smartergo.com', '/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('Thank you for your order');
    const logged = site.requestLog.find((r) => r.method === 'POST' && r.url === '/checkout');
    expect(logged?.body).toBe(`[form data not kept: ${body.length} bytes]`);
  });
});

describe('demo site: privacy policy page', () => {
  it('contains every title and paragraph of the policy text, words unchanged', async () => {
    const answer = await fetchAs('www.smartergo.com', '/privacy');
    const blocks = POLICY.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
    expect(blocks.length).toBeGreaterThan(20);
    for (const block of blocks) expect(answer.text).toContain(escapeHtml(block));
    expect(answer.text).toContain('<h2>Cookies and Tracking Technology</h2>');
    expect(answer.text).toContain('<h2>Children’s Privacy</h2>');
    expect(answer.text).toMatch(/<p>In addition to cookies, our Website uses a variety of technical methods/);
  });

  it('serves a swapped policy text', async () => {
    const changed = await startDemoSite({ policyText: 'New Title\n\nWe now sell <everything> & more.' });
    try {
      const answer = await new Promise<string>((resolve, reject) => {
        httpsRequest(
          { host: '127.0.0.1', port: changed.port, path: '/privacy', headers: { host: 'www.smartergo.com' }, rejectUnauthorized: false, agent: false },
          (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve(text));
          },
        ).on('error', reject).end();
      });
      expect(answer).toContain('<h2>New Title</h2>');
      expect(answer).toContain('<p>We now sell &lt;everything&gt; &amp; more.</p>');
      expect(answer).not.toContain('Information Collection');
    } finally {
      await changed.close();
    }
    site.setPolicyText('Only This');
    try {
      expect((await fetchAs('www.smartergo.com', '/privacy')).text).toContain('<h2>Only This</h2>');
    } finally {
      site.setPolicyText(undefined);
    }
    expect((await fetchAs('www.smartergo.com', '/privacy')).text).toContain('<h2>Information Collection</h2>');
  });
});

describe('demo site: trackers', () => {
  it('serves the imitation scripts as JavaScript', async () => {
    const scripts: [string, string][] = [
      ['www.googletagmanager.com', '/gtag/js?id=G-DEMO123'],
      ['connect.facebook.net', '/en_US/fbevents.js'],
      ['widget.intercom.io', '/widget/demo123'],
    ];
    for (const [host, path] of scripts) {
      const answer = await fetchAs(host, path);
      expect(answer.status, host).toBe(200);
      expect(answer.headers['content-type'], host).toBe('text/javascript; charset=utf-8');
    }
  });

  it('answers beacons with 204 and pixels with a 1x1 GIF', async () => {
    const collect = await fetchAs('www.google-analytics.com', '/g/collect?v=2&tid=G-DEMO123&en=page_view', { method: 'POST' });
    expect(collect.status).toBe(204);
    const pixel = await fetchAs('www.facebook.com', '/tr?id=1234567890&ev=Lead&em=jane.doe%40example.com');
    expect(pixel.status).toBe(200);
    expect(pixel.headers['content-type']).toBe('image/gif');
    expect(pixel.body.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(pixel.body.readUInt16LE(6)).toBe(1);
    expect(pixel.body.readUInt16LE(8)).toBe(1);
    // The ad network's own (third-party) cookie, kept when the browser sends it back.
    expect(pixel.headers['set-cookie']?.[0]).toMatch(/^fr=[0-9a-f]{16}; Path=\/; Domain=\.facebook\.com; Max-Age=7776000; Secure; HttpOnly; SameSite=None$/);
    const again = await fetchAs('www.facebook.com', '/tr?id=1', { headers: { cookie: 'fr=0123456789abcdef' } });
    expect(again.headers['set-cookie']?.[0]).toMatch(/^fr=0123456789abcdef;/);
    const partner = await fetchAs('cdn.ergo-partners.net', '/logos/ergo-partners.svg');
    expect(partner.headers['content-type']).toBe('image/svg+xml');
  });

  it('lets the chat widget read its ping answer across origins', async () => {
    const answer = await fetchAs('api-iam.intercom.io', '/messenger/web/ping', {
      method: 'POST',
      headers: { origin: 'https://www.smartergo.com', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'app_id=demo123',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('https://www.smartergo.com');
    expect(JSON.parse(answer.text)).toMatchObject({ type: 'ping' });
  });
});

describe('demo site: request log', () => {
  it('records host, method, path and query, headers with cookies, and a bounded body', async () => {
    await fetchAs('www.facebook.com', '/tr?id=1&ev=Lead', { headers: { cookie: 'fr=abc' } });
    await fetchAs('www.google-analytics.com', '/g/collect?v=2', { method: 'POST', body: 'x'.repeat(MAX_LOGGED_BODY + 10) });
    await fetchAs('www.smartergo.com', '/ping/click', { method: 'POST', body: 'PING', headers: { 'content-type': 'text/ping' } });
    expect(site.requestLog).toHaveLength(3);
    const [pixel, beacon, ping] = site.requestLog;
    expect(pixel).toMatchObject({ host: 'www.facebook.com', method: 'GET', url: '/tr?id=1&ev=Lead' });
    expect(pixel?.headers.cookie).toBe('fr=abc');
    expect(pixel?.body).toBeUndefined();
    expect(pixel?.time).toBeGreaterThan(Date.now() - 60_000);
    expect(beacon?.body).toBe(`${'x'.repeat(MAX_LOGGED_BODY)}…[10 more bytes]`);
    expect(ping).toMatchObject({ host: 'www.smartergo.com', method: 'POST', url: '/ping/click', body: 'PING' });
  });

  it('serves the log as JSON on /__log and clears it on POST /__log/clear, without logging those', async () => {
    await fetchAs('www.smartergo.com', '/help');
    const log = JSON.parse((await fetchAs('www.smartergo.com', '/__log')).text) as { url: string }[];
    expect(log.map((entry) => entry.url)).toEqual(['/help']);
    expect((await fetchAs('www.smartergo.com', '/__log/clear', { method: 'POST' })).status).toBe(204);
    expect(site.requestLog).toEqual([]);
  });

  it('waits for a request that has not come yet', async () => {
    const waiting = site.waitForRequest((r) => r.host === 'www.facebook.com');
    await fetchAs('www.facebook.com', '/tr?id=1');
    await expect(waiting).resolves.toMatchObject({ url: '/tr?id=1' });
    await expect(site.waitForRequest(() => false, 50)).rejects.toThrow(/no matching request/);
  });
});
