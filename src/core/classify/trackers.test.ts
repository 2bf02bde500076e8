import { describe, expect, it } from 'vitest';
import type { TrackerCategory } from '../model';
import { TRACKERS, createTrackerIndex, lazyTrackerIndex } from './trackers';

describe('createTrackerIndex', () => {
  const index = createTrackerIndex([
    { organisation: 'Example Analytics', category: 'analytics', domains: ['example-analytics.com'] },
    { organisation: 'Social', category: 'social', domains: ['social.example'] },
    { organisation: 'Social', product: 'Social ads', category: 'advertising', domains: ['px.ads.social.example'] },
    { organisation: 'Search', category: 'advertising', domains: ['search.example/ads', 'search.example/ads/special'] },
    { organisation: 'Search', product: 'Search widgets', category: 'social', domains: ['search.example/widgets'] },
  ]);

  it('matches a domain and every subdomain of it, by suffix walk over labels', () => {
    expect(index.lookup('example-analytics.com')?.organisation).toBe('Example Analytics');
    expect(index.lookup('a.b.example-analytics.com')).toEqual({
      organisation: 'Example Analytics',
      category: 'analytics',
      domain: 'example-analytics.com',
    });
  });

  it('does not match look-alikes', () => {
    expect(index.lookup('notexample-analytics.com')).toBeUndefined();
    expect(index.lookup('example-analytics.com.evil.net')).toBeUndefined();
    expect(index.lookup('com')).toBeUndefined();
    expect(index.lookup('')).toBeUndefined();
  });

  it('lets a more specific host win over its parent', () => {
    expect(index.lookup('px.ads.social.example')?.category).toBe('advertising');
    expect(index.lookup('x.px.ads.social.example')?.category).toBe('advertising');
    expect(index.lookup('ads.social.example')?.category).toBe('social');
  });

  it('matches path entries only under their path, longest prefix first', () => {
    expect(index.lookup('www.search.example', '/ads/conversion.js')?.domain).toBe('search.example/ads');
    expect(index.lookup('www.search.example', '/ads')?.domain).toBe('search.example/ads');
    expect(index.lookup('www.search.example', '/ads/special/x')?.domain).toBe('search.example/ads/special');
    expect(index.lookup('www.search.example', '/widgets/like')?.category).toBe('social');
    expect(index.lookup('www.search.example', '/adsense')).toBeUndefined();
    expect(index.lookup('www.search.example', '/search?q=1')).toBeUndefined();
    expect(index.lookup('www.search.example')).toBeUndefined();
  });

  it('accepts any case and a trailing dot', () => {
    expect(index.lookup('WWW.Example-Analytics.COM.')?.organisation).toBe('Example Analytics');
  });

  it('lets the hand list win over generated rows for the same host', () => {
    const both = createTrackerIndex(
      [{ organisation: 'Hand', category: 'session-replay', domains: ['replay.example', 'cdn.shared.example'] }],
      [
        ['Generated', 'analytics', 'replay.example other.example'],
        ['Generated', 'advertising', 'shared.example'],
      ],
    );
    expect(both.lookup('a.replay.example')).toEqual({ organisation: 'Hand', category: 'session-replay', domain: 'replay.example' });
    expect(both.lookup('other.example')?.organisation).toBe('Generated');
    expect(both.lookup('x.cdn.shared.example')?.organisation).toBe('Hand');
    expect(both.lookup('www.shared.example')?.category).toBe('advertising');
    expect(both.size).toBe(4);
    expect(() => createTrackerIndex([], [['G', 'analytics', 'a.example a.example']])).toThrow(/twice/);
  });

  it('finds rules under multi-label public suffixes and deep subdomains', () => {
    const deep = createTrackerIndex([
      { organisation: 'UK', category: 'analytics', domains: ['stats.example.co.uk'] },
      { organisation: 'Deep', category: 'advertising', domains: ['a.b.c.deep.example'] },
    ]);
    expect(deep.lookup('x.stats.example.co.uk')?.organisation).toBe('UK');
    expect(deep.lookup('www.example.co.uk')).toBeUndefined();
    expect(deep.lookup('co.uk')).toBeUndefined();
    expect(deep.lookup('z.a.b.c.deep.example')?.organisation).toBe('Deep');
    expect(deep.lookup('b.c.deep.example')).toBeUndefined();
  });

  it('rejects duplicate and malformed entries', () => {
    const one = { organisation: 'A', category: 'analytics' as const };
    expect(() => createTrackerIndex([{ ...one, domains: ['a.example'] }, { ...one, domains: ['a.example'] }])).toThrow(/twice/);
    expect(() => createTrackerIndex([{ ...one, domains: ['a.example/x', 'a.example/x'] }])).toThrow(/twice/);
    for (const bad of ['.a.example', 'A.example', 'https://a.example', 'a.example/', 'example', 'a.example/x?y']) {
      expect(() => createTrackerIndex([{ ...one, domains: [bad] }]), bad).toThrow(/malformed/);
    }
  });
});

describe('lazyTrackerIndex', () => {
  it('compiles once, on first use', () => {
    let compiled = 0;
    const lazy = lazyTrackerIndex(() => {
      compiled++;
      return createTrackerIndex([{ organisation: 'A', category: 'analytics', domains: ['a.example'] }]);
    });
    expect(compiled).toBe(0);
    expect(lazy.lookup('x.a.example')?.organisation).toBe('A');
    expect(lazy.size).toBe(1);
    expect(lazy.lookup('b.example')).toBeUndefined();
    expect(compiled).toBe(1);
  });
});

describe('TRACKERS (our data)', () => {
  it.each([
    ['www.google-analytics.com', '/g/collect', 'Google', 'analytics'],
    ['region1.analytics.google.com', '/g/collect', 'Google', 'analytics'],
    ['www.googletagmanager.com', '/gtm.js', 'Google', 'tag-manager'],
    ['googleads.g.doubleclick.net', '/pagead/viewthroughconversion/1/', 'Google', 'advertising'],
    ['www.googleadservices.com', '/pagead/conversion.js', 'Google', 'advertising'],
    ['pagead2.googlesyndication.com', '/pagead/js/adsbygoogle.js', 'Google', 'advertising'],
    ['www.google.com', '/pagead/1p-conversion/123/', 'Google', 'advertising'],
    ['connect.facebook.net', '/en_US/fbevents.js', 'Meta', 'advertising'],
    ['www.facebook.com', '/tr', 'Meta', 'advertising'],
    ['www.facebook.com', '/plugins/like.php', 'Meta', 'social'],
    ['px.ads.linkedin.com', '/collect', 'LinkedIn', 'advertising'],
    ['snap.licdn.com', '/li.lms-analytics/insight.min.js', 'LinkedIn', 'advertising'],
    ['platform.linkedin.com', '/in.js', 'LinkedIn', 'social'],
    ['bat.bing.com', '/action/0', 'Microsoft', 'advertising'],
    ['www.clarity.ms', '/tag/abc', 'Microsoft', 'session-replay'],
    ['static.hotjar.com', '/c/hotjar-1.js', 'Hotjar', 'session-replay'],
    ['edge.fullstory.com', '/s/fs.js', 'FullStory', 'session-replay'],
    ['cdn.mouseflow.com', '/projects/x.js', 'Mouseflow', 'session-replay'],
    ['rec.smartlook.com', '/recorder.js', 'Smartlook', 'session-replay'],
    ['cdn.lr-ingest.io', '/LogRocket.min.js', 'LogRocket', 'session-replay'],
    ['api-js.mixpanel.com', '/track/', 'Mixpanel', 'analytics'],
    ['api2.amplitude.com', '/2/httpapi', 'Amplitude', 'analytics'],
    ['api.segment.io', '/v1/t', 'Segment (Twilio)', 'analytics'],
    ['cdn.heapanalytics.com', '/js/heap.js', 'Heap', 'analytics'],
    ['smartergo.matomo.cloud', '/matomo.php', 'Matomo', 'analytics'],
    ['plausible.io', '/api/event', 'Plausible', 'analytics'],
    ['smartergo.sc.omtrdc.net', '/b/ss/x', 'Adobe', 'analytics'],
    ['dpm.demdex.net', '/id', 'Adobe', 'advertising'],
    ['static.criteo.net', '/js/ld/publishertag.js', 'Criteo', 'advertising'],
    ['trc.taboola.com', '/x', 'Taboola', 'advertising'],
    ['widgets.outbrain.com', '/outbrain.js', 'Outbrain', 'advertising'],
    ['ib.adnxs.com', '/getuid', 'Xandr (Microsoft)', 'advertising'],
    ['insight.adsrvr.org', '/track/up', 'The Trade Desk', 'advertising'],
    ['aax.amazon-adsystem.com', '/e/dtb/bid', 'Amazon', 'advertising'],
    ['analytics.tiktok.com', '/i18n/pixel/events.js', 'TikTok', 'advertising'],
    ['ct.pinterest.com', '/v3/', 'Pinterest', 'advertising'],
    ['static.ads-twitter.com', '/uwt.js', 'X (Twitter)', 'advertising'],
    ['tr.snapchat.com', '/p', 'Snap', 'advertising'],
    ['alb.reddit.com', '/rp.gif', 'Reddit', 'advertising'],
    ['www.redditstatic.com', '/ads/pixel.js', 'Reddit', 'advertising'],
    ['pixel.quantserve.com', '/pixel', 'Quantcast', 'advertising'],
    ['sb.scorecardresearch.com', '/b', 'comScore', 'analytics'],
    ['widget.intercom.io', '/widget/abc', 'Intercom', 'customer-support'],
    ['js.intercomcdn.com', '/frame.js', 'Intercom', 'customer-support'],
    ['static.zdassets.com', '/ekr/snippet.js', 'Zendesk', 'customer-support'],
    ['js.driftt.com', '/include/x.js', 'Drift (Salesloft)', 'customer-support'],
    ['cdn.livechatinc.com', '/tracking.js', 'LiveChat', 'customer-support'],
    ['embed.tawk.to', '/abc/default', 'Tawk.to', 'customer-support'],
    ['js.hs-analytics.net', '/analytics/1/2.js', 'HubSpot', 'analytics'],
    ['cdn.cookielaw.org', '/scripttemplates/otSDKStub.js', 'OneTrust', 'consent'],
    ['consent.cookiebot.com', '/uc.js', 'Usercentrics', 'consent'],
  ] as const)('%s%s → %s (%s)', (host, path, organisation, category) => {
    const info = TRACKERS.lookup(host, path);
    expect(info?.organisation).toBe(organisation);
    expect(info?.category).toBe(category satisfies TrackerCategory);
  });

  it.each([
    ['ads.33across.com', '33 Across', 'advertising'],
    ['www.clarity.ms', 'Microsoft', 'session-replay'], // the hand list's category, not the generated 'utility'
    ['fbcdn.net', 'Meta', 'social'], // named like the hand list's organisation
    ['i.ytimg.com', 'Google', 'other'],
  ] as const)('generated data: %s → %s (%s)', (host, organisation, category) => {
    const info = TRACKERS.lookup(host, '/');
    expect(info?.organisation).toBe(organisation);
    expect(info?.category).toBe(category);
  });

  it('leaves ordinary hosts alone', () => {
    const ordinary = ['www.smartergo.com', 'fonts.googleapis.com', 'fonts.gstatic.com', 'ajax.googleapis.com', 'cdn.jsdelivr.net', 'cdnjs.cloudflare.com', 'unpkg.com'];
    for (const host of [...ordinary, 'www.google.com', 'example.com', 'cdn.ergo-partners.net', 'js.stripe.com', 'www.paypal.com']) {
      expect(TRACKERS.lookup(host, '/'), host).toBeUndefined();
    }
    expect(TRACKERS.lookup('www.google.com', '/recaptcha/api.js')).toBeUndefined();
  });
});
