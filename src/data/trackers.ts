/**
 * PolicyLens's own tracker list: organisations, what their hosts are for, and the
 * hosts. Hand-compiled from the vendors' public installation and CSP allow-list
 * documentation (see TRACKERS.md for the method, the choices and the licence: MIT).
 *
 * Rules for a `domains` entry:
 *   - a host ("google-analytics.com") matches itself and every subdomain;
 *   - a more specific host wins ("px.ads.linkedin.com" advertising over "linkedin.com" social);
 *   - "host/path" ("google.com/pagead") matches that host and its subdomains only
 *     when the path is that prefix or below it, for hosts that also serve
 *     ordinary content (google.com serves search, maps, reCAPTCHA...).
 * Lower case, no scheme, no leading dot, no trailing slash. Each entry once.
 *
 * `organisation` is who runs it, as a user would recognise it; `product` names the
 * product when one organisation has several entries.
 */
import type { TrackerCategory } from '../core/model';

export interface TrackerOrganisation {
  organisation: string;
  product?: string;
  category: TrackerCategory;
  domains: readonly string[];
  /** Why a non-obvious choice was made. */
  note?: string;
}

export const TRACKER_ORGANISATIONS: readonly TrackerOrganisation[] = [
  // -------------------------------------------------------------------------
  // Google
  {
    organisation: 'Google',
    product: 'Google Analytics',
    category: 'analytics',
    domains: ['google-analytics.com', 'analytics.google.com', 'firebaselogging-pa.googleapis.com'],
  },
  {
    organisation: 'Google',
    product: 'Google Tag Manager',
    category: 'tag-manager',
    domains: ['googletagmanager.com', 'tagmanager.google.com'],
  },
  {
    organisation: 'Google',
    product: 'Google Ads / DoubleClick',
    category: 'advertising',
    domains: [
      'doubleclick.net',
      'googleadservices.com',
      'googlesyndication.com',
      'googletagservices.com',
      'adservice.google.com',
      'adtrafficquality.google',
      '2mdn.net',
      'admob.com',
      'google.com/pagead',
      'google.com/ads',
    ],
    note: 'google.com itself serves search, maps and reCAPTCHA; only its /pagead and /ads paths (conversion and remarketing pixels, GA audiences) are advertising.',
  },
  {
    organisation: 'Google',
    product: 'YouTube',
    category: 'other',
    domains: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com'],
    note: 'Embedded video player: third-party content, not a tracker by purpose.',
  },

  // -------------------------------------------------------------------------
  // Meta
  {
    organisation: 'Meta',
    product: 'Meta Pixel',
    category: 'advertising',
    domains: ['facebook.net', 'facebook.com'],
    note: 'On a page that is not Facebook, requests to facebook.com are almost always the Pixel (www.facebook.com/tr) or its script (connect.facebook.net), so the whole domain is advertising; the embedded social plugins are split off below.',
  },
  { organisation: 'Meta', product: 'Facebook social plugins', category: 'social', domains: ['facebook.com/plugins'] },
  { organisation: 'Meta', product: 'Instagram', category: 'social', domains: ['instagram.com', 'cdninstagram.com'] },

  // -------------------------------------------------------------------------
  // Microsoft and LinkedIn
  { organisation: 'Microsoft', product: 'Microsoft Advertising (UET)', category: 'advertising', domains: ['bat.bing.com', 'bat.bing.net', 'bat.r.msn.com', 'c.bing.com'] },
  { organisation: 'Microsoft', product: 'Microsoft Clarity', category: 'session-replay', domains: ['clarity.ms'] },
  {
    organisation: 'Microsoft',
    product: 'Application Insights',
    category: 'analytics',
    domains: ['applicationinsights.azure.com', 'dc.services.visualstudio.com', 'js.monitor.azure.com'],
  },
  {
    organisation: 'LinkedIn',
    product: 'LinkedIn Insight Tag',
    category: 'advertising',
    domains: ['px.ads.linkedin.com', 'dc.ads.linkedin.com', 'snap.licdn.com'],
  },
  { organisation: 'LinkedIn', product: 'LinkedIn plugins', category: 'social', domains: ['linkedin.com', 'licdn.com'] },
  { organisation: 'Xandr (Microsoft)', category: 'advertising', domains: ['adnxs.com', 'adnxs-simple.com'] },

  // -------------------------------------------------------------------------
  // Other platforms with an advertising pixel and a social side
  { organisation: 'X (Twitter)', product: 'X Pixel', category: 'advertising', domains: ['ads-twitter.com', 'analytics.twitter.com', 't.co'], note: 't.co embedded in a page is the conversion pixel (t.co/i/adsct); links to it are not requests.' },
  { organisation: 'X (Twitter)', product: 'X embeds', category: 'social', domains: ['twitter.com', 'x.com', 'twimg.com'] },
  { organisation: 'TikTok', product: 'TikTok Pixel', category: 'advertising', domains: ['analytics.tiktok.com', 'analytics-sg.tiktok.com'] },
  { organisation: 'TikTok', product: 'TikTok embeds', category: 'social', domains: ['tiktok.com', 'tiktokcdn.com'] },
  { organisation: 'Pinterest', product: 'Pinterest Tag', category: 'advertising', domains: ['ct.pinterest.com'] },
  { organisation: 'Pinterest', product: 'Pinterest widgets', category: 'social', domains: ['pinterest.com', 'pinimg.com'] },
  { organisation: 'Snap', product: 'Snap Pixel', category: 'advertising', domains: ['sc-static.net', 'tr.snapchat.com', 'tr-shadow.snapchat.com'] },
  { organisation: 'Reddit', product: 'Reddit Pixel', category: 'advertising', domains: ['alb.reddit.com', 'redditstatic.com/ads'] },
  { organisation: 'Reddit', product: 'Reddit embeds', category: 'social', domains: ['reddit.com', 'redditmedia.com', 'redditstatic.com'] },
  { organisation: 'Quora', product: 'Quora Pixel', category: 'advertising', domains: ['q.quora.com'] },
  { organisation: 'Yahoo', category: 'advertising', domains: ['analytics.yahoo.com', 'ads.yahoo.com', 'advertising.com'] },
  { organisation: 'Amazon', product: 'Amazon Ads', category: 'advertising', domains: ['amazon-adsystem.com', 'assoc-amazon.com'] },
  { organisation: 'VK', category: 'social', domains: ['vk.com', 'userapi.com'] },

  // -------------------------------------------------------------------------
  // Social sharing and comments
  { organisation: 'AddThis (Oracle)', category: 'social', domains: ['addthis.com', 'addthisedge.com'] },
  { organisation: 'ShareThis', category: 'social', domains: ['sharethis.com'] },
  { organisation: 'AddToAny', category: 'social', domains: ['addtoany.com'] },
  { organisation: 'Disqus', category: 'social', domains: ['disqus.com', 'disquscdn.com'] },
  { organisation: 'Gravatar (Automattic)', category: 'social', domains: ['gravatar.com'], note: 'Avatar URLs carry a hash of the e-mail address.' },

  // -------------------------------------------------------------------------
  // Analytics
  { organisation: 'Adobe', product: 'Adobe Analytics / Target', category: 'analytics', domains: ['omtrdc.net', '2o7.net', 'adobedc.net'] },
  { organisation: 'Adobe', product: 'Adobe Audience Manager', category: 'advertising', domains: ['demdex.net', 'everesttech.net'] },
  { organisation: 'Adobe', product: 'Adobe Experience Platform Tags', category: 'tag-manager', domains: ['adobedtm.com'] },
  { organisation: 'Mixpanel', category: 'analytics', domains: ['mixpanel.com', 'mxpnl.com'] },
  { organisation: 'Amplitude', category: 'analytics', domains: ['amplitude.com'] },
  { organisation: 'Segment (Twilio)', category: 'analytics', domains: ['segment.com', 'segment.io'] },
  { organisation: 'Heap', category: 'analytics', domains: ['heapanalytics.com', 'heap.io'] },
  { organisation: 'Matomo', product: 'Matomo Cloud', category: 'analytics', domains: ['matomo.cloud', 'innocraft.cloud'] },
  { organisation: 'Plausible', category: 'analytics', domains: ['plausible.io'] },
  { organisation: 'Fathom', category: 'analytics', domains: ['usefathom.com'] },
  { organisation: 'Simple Analytics', category: 'analytics', domains: ['simpleanalyticscdn.com'] },
  { organisation: 'Umami', category: 'analytics', domains: ['umami.is'] },
  { organisation: 'PostHog', category: 'analytics', domains: ['posthog.com'] },
  { organisation: 'Kissmetrics', category: 'analytics', domains: ['kissmetrics.io', 'kissmetrics.com'] },
  { organisation: 'Chartbeat', category: 'analytics', domains: ['chartbeat.com', 'chartbeat.net'] },
  { organisation: 'Parse.ly', category: 'analytics', domains: ['parsely.com'] },
  { organisation: 'Piwik PRO', category: 'analytics', domains: ['piwik.pro'] },
  { organisation: 'Yandex', product: 'Yandex Metrica', category: 'analytics', domains: ['mc.yandex.ru', 'mc.yandex.com', 'mc.webvisor.org'] },
  { organisation: 'Baidu', product: 'Baidu Tongji', category: 'analytics', domains: ['hm.baidu.com'] },
  { organisation: 'StatCounter', category: 'analytics', domains: ['statcounter.com'] },
  { organisation: 'Clicky', category: 'analytics', domains: ['getclicky.com'] },
  { organisation: 'Woopra', category: 'analytics', domains: ['woopra.com'] },
  { organisation: 'Pendo', category: 'analytics', domains: ['pendo.io'] },
  { organisation: 'Optimizely', category: 'analytics', domains: ['optimizely.com'] },
  { organisation: 'VWO (Wingify)', category: 'analytics', domains: ['visualwebsiteoptimizer.com', 'wingify.com'] },
  { organisation: 'AB Tasty', category: 'analytics', domains: ['abtasty.com'] },
  { organisation: 'Kameleoon', category: 'analytics', domains: ['kameleoon.com', 'kameleoon.eu', 'kameleoon.io'] },
  { organisation: 'Dynamic Yield', category: 'analytics', domains: ['dynamicyield.com'] },
  { organisation: 'comScore', category: 'analytics', domains: ['scorecardresearch.com', 'comscore.com'] },
  { organisation: 'Nielsen', category: 'analytics', domains: ['imrworldwide.com'] },
  { organisation: 'Gemius', category: 'analytics', domains: ['gemius.pl'] },
  { organisation: 'Piano (AT Internet)', category: 'analytics', domains: ['xiti.com', 'aticdn.net', 'cxense.com', 'tinypass.com'] },
  { organisation: 'New Relic', category: 'analytics', domains: ['nr-data.net', 'newrelic.com'] },
  { organisation: 'Datadog', product: 'Datadog RUM', category: 'analytics', domains: ['browser-intake-datadoghq.com', 'browser-intake-datadoghq.eu', 'datadoghq-browser-agent.com'] },
  { organisation: 'Akamai', product: 'mPulse', category: 'analytics', domains: ['go-mpulse.net', 'akstat.io'] },
  { organisation: 'Cloudflare', product: 'Cloudflare Web Analytics', category: 'analytics', domains: ['cloudflareinsights.com'] },
  { organisation: 'Fastly', product: 'Fastly Insights', category: 'analytics', domains: ['fastly-insights.com'] },
  { organisation: 'Shopify', product: 'Shopify analytics', category: 'analytics', domains: ['shopifysvc.com'] },
  { organisation: 'Tealium', product: 'Tealium AudienceStream', category: 'analytics', domains: ['tealiumiq.com'] },
  { organisation: 'mParticle', category: 'analytics', domains: ['mparticle.com'] },
  { organisation: 'RudderStack', category: 'analytics', domains: ['rudderlabs.com', 'rudderstack.com'] },
  { organisation: 'HubSpot', product: 'HubSpot analytics', category: 'analytics', domains: ['hs-analytics.net', 'hs-scripts.com', 'hscollectedforms.net', 'hubspot.com', 'hsforms.com', 'hsforms.net'], note: 'Collected forms (hscollectedforms.net) captures what visitors type into forms.' },
  { organisation: 'HubSpot', product: 'HubSpot ads', category: 'advertising', domains: ['hsadspixel.net'] },
  { organisation: 'Marketo (Adobe)', category: 'analytics', domains: ['marketo.net', 'mktoresp.com', 'marketo.com'] },
  { organisation: 'Pardot (Salesforce)', category: 'analytics', domains: ['pardot.com'] },
  { organisation: 'Salesforce', product: 'Salesforce Interactions', category: 'analytics', domains: ['evergage.com'] },
  { organisation: 'Oracle', product: 'Eloqua', category: 'analytics', domains: ['eloqua.com', 'en25.com'] },
  { organisation: 'Mailchimp (Intuit)', category: 'analytics', domains: ['chimpstatic.com', 'list-manage.com'] },
  { organisation: 'Klaviyo', category: 'analytics', domains: ['klaviyo.com'] },
  { organisation: 'Qualtrics', category: 'other', domains: ['qualtrics.com'], note: 'Surveys and site intercepts.' },
  { organisation: 'Medallia', category: 'other', domains: ['kampyle.com'], note: 'Feedback forms.' },
  { organisation: 'Sentry', category: 'other', domains: ['sentry.io', 'sentry-cdn.com'], note: 'Error reports: they carry the page URL and browser details, not a tracking purpose.' },
  { organisation: 'Bugsnag', category: 'other', domains: ['bugsnag.com'], note: 'Error reports.' },
  { organisation: 'OneSignal', category: 'other', domains: ['onesignal.com'], note: 'Web push notifications.' },

  // -------------------------------------------------------------------------
  // Device identification
  {
    organisation: 'Fingerprint',
    product: 'FingerprintJS',
    category: 'other',
    domains: ['openfpcdn.io', 'fpcdn.io', 'fpjs.io', 'fpjs.pro', 'fingerprint.com'],
    note: 'Identifies devices from their features (the open-source FingerprintJS and its paid service); TrackerCategory has no "device identification", so "other".',
  },

  // -------------------------------------------------------------------------
  // Session replay and heatmaps
  { organisation: 'Hotjar', category: 'session-replay', domains: ['hotjar.com', 'hotjar.io'] },
  { organisation: 'FullStory', category: 'session-replay', domains: ['fullstory.com'] },
  { organisation: 'Mouseflow', category: 'session-replay', domains: ['mouseflow.com'] },
  { organisation: 'Smartlook', category: 'session-replay', domains: ['smartlook.com', 'smartlook.cloud'] },
  { organisation: 'LogRocket', category: 'session-replay', domains: ['logrocket.com', 'logrocket.io', 'lr-ingest.io', 'lr-ingest.com', 'lr-in.com', 'lr-in-prod.com'] },
  { organisation: 'Crazy Egg', category: 'session-replay', domains: ['crazyegg.com'] },
  { organisation: 'Lucky Orange', category: 'session-replay', domains: ['luckyorange.com', 'luckyorange.net'] },
  { organisation: 'Inspectlet', category: 'session-replay', domains: ['inspectlet.com'] },
  { organisation: 'Contentsquare', category: 'session-replay', domains: ['contentsquare.net', 'contentsquare.com'] },
  { organisation: 'Quantum Metric', category: 'session-replay', domains: ['quantummetric.com'] },

  // -------------------------------------------------------------------------
  // Advertising
  { organisation: 'Criteo', category: 'advertising', domains: ['criteo.com', 'criteo.net'] },
  { organisation: 'Taboola', category: 'advertising', domains: ['taboola.com'] },
  { organisation: 'Outbrain', category: 'advertising', domains: ['outbrain.com', 'outbrainimg.com'] },
  { organisation: 'The Trade Desk', category: 'advertising', domains: ['adsrvr.org'] },
  { organisation: 'Quantcast', product: 'Quantcast Measure', category: 'advertising', domains: ['quantserve.com', 'quantcount.com'] },
  { organisation: 'Quantcast', product: 'Quantcast Choice', category: 'consent', domains: ['cmp.quantcast.com'] },
  { organisation: 'PubMatic', category: 'advertising', domains: ['pubmatic.com'] },
  { organisation: 'Magnite (Rubicon Project)', category: 'advertising', domains: ['rubiconproject.com'] },
  { organisation: 'OpenX', category: 'advertising', domains: ['openx.net'] },
  { organisation: 'Index Exchange', category: 'advertising', domains: ['casalemedia.com', 'indexww.com'] },
  { organisation: 'Sovrn', category: 'advertising', domains: ['lijit.com', 'viglink.com'] },
  { organisation: 'Sharethrough', category: 'advertising', domains: ['sharethrough.com'] },
  { organisation: 'TripleLift', category: 'advertising', domains: ['3lift.com'] },
  { organisation: 'Media.net', category: 'advertising', domains: ['media.net'] },
  { organisation: 'Equativ (Smart AdServer)', category: 'advertising', domains: ['smartadserver.com'] },
  { organisation: 'Teads', category: 'advertising', domains: ['teads.tv'] },
  { organisation: 'Adform', category: 'advertising', domains: ['adform.net'] },
  { organisation: 'MediaMath', category: 'advertising', domains: ['mathtag.com'] },
  { organisation: 'LiveRamp', category: 'advertising', domains: ['rlcdn.com'] },
  { organisation: 'Lotame', category: 'advertising', domains: ['crwdcntrl.net'] },
  { organisation: 'Oracle', product: 'BlueKai / Moat', category: 'advertising', domains: ['bluekai.com', 'moatads.com'] },
  { organisation: 'Integral Ad Science', category: 'advertising', domains: ['adsafeprotected.com'] },
  { organisation: 'DoubleVerify', category: 'advertising', domains: ['doubleverify.com'] },
  { organisation: 'ID5', category: 'advertising', domains: ['id5-sync.com'] },
  { organisation: 'Tapad', category: 'advertising', domains: ['tapad.com'] },
  { organisation: 'GumGum', category: 'advertising', domains: ['gumgum.com'] },
  { organisation: 'Epsilon (Conversant)', category: 'advertising', domains: ['dotomi.com'] },
  { organisation: 'Rakuten Advertising', category: 'advertising', domains: ['linksynergy.com'] },
  { organisation: 'Awin', category: 'advertising', domains: ['awin1.com', 'zenaps.com'] },
  { organisation: 'CJ Affiliate', category: 'advertising', domains: ['emjcd.com', 'anrdoezrs.net'] },
  { organisation: 'impact.com', category: 'advertising', domains: ['impactradius-event.com'] },
  { organisation: 'Partnerize', category: 'advertising', domains: ['prf.hn'] },
  { organisation: 'ShareASale', category: 'advertising', domains: ['shareasale.com'] },
  { organisation: 'Skimlinks', category: 'advertising', domains: ['skimresources.com'] },
  { organisation: 'AdRoll', category: 'advertising', domains: ['adroll.com'] },
  { organisation: 'RevContent', category: 'advertising', domains: ['revcontent.com'] },
  { organisation: 'MGID', category: 'advertising', domains: ['mgid.com'] },
  { organisation: 'Nativo', category: 'advertising', domains: ['postrelease.com'] },
  { organisation: 'StackAdapt', category: 'advertising', domains: ['stackadapt.com'] },
  { organisation: 'Bidswitch', category: 'advertising', domains: ['bidswitch.net'] },
  { organisation: 'Improve Digital', category: 'advertising', domains: ['360yield.com'] },
  { organisation: 'Wunderkind', category: 'advertising', domains: ['bounceexchange.com', 'bouncex.net'] },
  { organisation: 'Branch', category: 'advertising', domains: ['branch.io'], note: 'Install and campaign attribution.' },
  { organisation: 'AppsFlyer', category: 'advertising', domains: ['appsflyer.com'], note: 'Install and campaign attribution.' },
  { organisation: 'Adjust', category: 'advertising', domains: ['adjust.com'], note: 'Install and campaign attribution.' },
  { organisation: 'Yieldmo', category: 'advertising', domains: ['yieldmo.com'] },
  { organisation: 'Sonobi', category: 'advertising', domains: ['sonobi.com'] },
  { organisation: 'Seedtag', category: 'advertising', domains: ['seedtag.com'] },
  { organisation: 'Zeta Global', category: 'advertising', domains: ['rezync.com'] },
  { organisation: 'Smaato', category: 'advertising', domains: ['smaato.net'] },

  // -------------------------------------------------------------------------
  // Tag managers
  { organisation: 'Tealium', product: 'Tealium iQ', category: 'tag-manager', domains: ['tiqcdn.com'] },
  { organisation: 'Ensighten', category: 'tag-manager', domains: ['ensighten.com'] },
  { organisation: 'Commanders Act', category: 'tag-manager', domains: ['tagcommander.com', 'commander1.com'] },
  { organisation: 'Signal (TransUnion)', category: 'tag-manager', domains: ['thebrighttag.com', 'btstatic.com'] },

  // -------------------------------------------------------------------------
  // Customer support and chat
  { organisation: 'Intercom', category: 'customer-support', domains: ['intercom.io', 'intercomcdn.com', 'intercomassets.com'] },
  { organisation: 'Zendesk', category: 'customer-support', domains: ['zdassets.com', 'zendesk.com', 'zopim.com', 'zopim.io'] },
  { organisation: 'Drift (Salesloft)', category: 'customer-support', domains: ['drift.com', 'driftt.com'] },
  { organisation: 'LiveChat', category: 'customer-support', domains: ['livechatinc.com', 'livechat.com'] },
  { organisation: 'Tawk.to', category: 'customer-support', domains: ['tawk.to'] },
  { organisation: 'HubSpot', product: 'HubSpot chat', category: 'customer-support', domains: ['usemessages.com'] },
  { organisation: 'Crisp', category: 'customer-support', domains: ['crisp.chat'] },
  { organisation: 'Olark', category: 'customer-support', domains: ['olark.com'] },
  { organisation: 'Freshworks', product: 'Freshchat / Freshdesk', category: 'customer-support', domains: ['freshchat.com', 'freshdesk.com', 'freshworks.com'] },
  { organisation: 'Tidio', category: 'customer-support', domains: ['tidio.co', 'tidiochat.com'] },
  { organisation: 'Gorgias', category: 'customer-support', domains: ['gorgias.chat', 'gorgias.io'] },
  { organisation: 'Help Scout', category: 'customer-support', domains: ['helpscout.net'] },
  { organisation: 'LivePerson', category: 'customer-support', domains: ['liveperson.net', 'lpsnmedia.net'] },
  { organisation: 'Salesforce', product: 'Salesforce Chat', category: 'customer-support', domains: ['salesforceliveagent.com'] },
  { organisation: 'Kustomer', category: 'customer-support', domains: ['kustomerapp.com'] },
  { organisation: 'Chatra', category: 'customer-support', domains: ['chatra.io'] },
  { organisation: 'JivoChat', category: 'customer-support', domains: ['jivosite.com'] },
  { organisation: 'Userlike', category: 'customer-support', domains: ['userlike.com'] },
  { organisation: 'Re:amaze', category: 'customer-support', domains: ['reamaze.com'] },
  { organisation: 'Smartsupp', category: 'customer-support', domains: ['smartsupp.com'] },
  { organisation: 'SnapEngage', category: 'customer-support', domains: ['snapengage.com'] },
  { organisation: 'Pure Chat', category: 'customer-support', domains: ['purechat.com'] },
  { organisation: 'Zoho', product: 'Zoho SalesIQ', category: 'customer-support', domains: ['salesiq.zoho.com', 'salesiq.zoho.eu'] },

  // -------------------------------------------------------------------------
  // Consent management
  { organisation: 'OneTrust', category: 'consent', domains: ['cookielaw.org', 'onetrust.com', 'optanon.blob.core.windows.net'] },
  { organisation: 'Usercentrics', product: 'Cookiebot', category: 'consent', domains: ['cookiebot.com', 'cookiebot.eu'] },
  { organisation: 'Usercentrics', product: 'Usercentrics CMP', category: 'consent', domains: ['usercentrics.eu', 'usercentrics.com'] },
  { organisation: 'HubSpot', product: 'HubSpot cookie banner', category: 'consent', domains: ['hs-banner.com'] },
  { organisation: 'TrustArc', category: 'consent', domains: ['trustarc.com', 'truste.com'] },
  { organisation: 'Didomi', category: 'consent', domains: ['privacy-center.org', 'didomi.io'] },
  { organisation: 'Osano', category: 'consent', domains: ['osano.com'] },
  { organisation: 'CookieYes', category: 'consent', domains: ['cookieyes.com', 'cdn-cookieyes.com'] },
  { organisation: 'Termly', category: 'consent', domains: ['termly.io'] },
  { organisation: 'iubenda', category: 'consent', domains: ['iubenda.com'] },
  { organisation: 'Sourcepoint', category: 'consent', domains: ['privacy-mgmt.com', 'sourcepoint.com'] },
  { organisation: 'consentmanager', category: 'consent', domains: ['consentmanager.net'] },
  { organisation: 'Axeptio', category: 'consent', domains: ['axept.io'] },
  { organisation: 'CookieFirst', category: 'consent', domains: ['cookiefirst.com'] },
  { organisation: 'Cookie Script', category: 'consent', domains: ['cookie-script.com'] },
  { organisation: 'Civic', product: 'Cookie Control', category: 'consent', domains: ['civiccomputing.com'] },
  { organisation: 'Ketch', category: 'consent', domains: ['ketchcdn.com', 'ketchjs.com'] },
];
