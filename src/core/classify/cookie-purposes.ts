/**
 * What a cookie is for, guessed from its name. One row per name pattern, read top
 * to bottom, first match wins; names compare case-insensitively.
 *
 * Patterns: "name" (exact), "prefix*", "*suffix", "*part*".
 *
 * Choices:
 *   - Support-chat cookies (Intercom, Drift, Zendesk, LiveChat, Tawk.to...) are
 *     'session': they keep the visitor's conversation open across pages, which is
 *     what "session" means here. They are third-party when the chat runs on its own
 *     domain, and the organisation names who holds the conversation. (CookiePurpose
 *     has no 'customer-support'; if the policy needs to tell chat apart, that is a
 *     change to model.ts.)
 *   - Consent tools' own cookies are 'consent' (they remember the banner answer),
 *     even for a tracking vendor's banner.
 *   - Generic names (sid, session*, lang, csrf*) come last so a vendor's own name
 *     wins over a generic pattern.
 */
import type { CookiePurpose } from '../model';

export interface CookieRule {
  pattern: string;
  purpose: CookiePurpose;
  organisation?: string;
}

const rules = (organisation: string | undefined, purpose: CookiePurpose, patterns: readonly string[]): CookieRule[] =>
  patterns.map((pattern) => (organisation ? { pattern, purpose, organisation } : { pattern, purpose }));

export const COOKIE_RULES: readonly CookieRule[] = [
  // Consent (first: OptanonConsent must not read as anything else)
  ...rules('OneTrust', 'consent', ['OptanonConsent', 'OptanonAlertBoxClosed']),
  ...rules('Cookiebot', 'consent', ['CookieConsent', 'CookieConsentBulkSetting-*']),
  ...rules('CookieYes', 'consent', ['cookieyes-consent']),
  ...rules('Didomi', 'consent', ['didomi_token']),
  ...rules('Osano', 'consent', ['osano_consentmanager', 'osano_consentmanager_uuid']),
  ...rules('Complianz', 'consent', ['cmplz_*']),
  ...rules('Usercentrics', 'consent', ['uc_user_interaction', 'uc_settings']),
  ...rules('HubSpot', 'consent', ['__hs_opt_out', '__hs_do_not_track', '__hs_cookie_cat_pref']),
  ...rules(undefined, 'consent', ['euconsent-v2', 'euconsent', 'cookie_consent*', 'cookieconsent_status', 'consent']),

  // Google
  ...rules('Google', 'analytics', ['_ga', '_ga_*', '_gid', '_gat*', '__utm*', '_dc_gtm_*', 'AMP_TOKEN']),
  ...rules('Google', 'advertising', ['_gcl_au', '_gcl_*', '_gac_*', 'IDE', 'DSID', 'test_cookie', '__gads', '__gpi', '__gsas', 'NID', 'ANID', '1P_JAR', 'AEC', 'FPAU', 'FPGCLAW', 'FPLC', 'FPID']),
  ...rules('Google', 'security', ['_GRECAPTCHA']),

  // Meta
  ...rules('Meta', 'advertising', ['_fbp', '_fbc', 'fr']),

  // Microsoft
  ...rules('Microsoft', 'session-replay', ['_clck', '_clsk', 'CLID', 'ANONCHK']),
  ...rules('Microsoft', 'advertising', ['_uetsid', '_uetvid', '_uetmsclkid', 'MUID', 'SRM_B']),

  // LinkedIn, X, TikTok, Pinterest, Snap, Reddit
  ...rules('LinkedIn', 'advertising', ['li_fat_id', 'li_sugr', 'bcookie', 'lidc', 'UserMatchHistory', 'AnalyticsSyncHistory', 'ln_or', 'li_gc']),
  ...rules('X (Twitter)', 'advertising', ['personalization_id', 'muc_ads', 'guest_id', 'guest_id_ads', 'guest_id_marketing']),
  ...rules('TikTok', 'advertising', ['_ttp', '_tt_enable_cookie', 'ttcsid', 'ttcsid_*']),
  ...rules('Pinterest', 'advertising', ['_pin_unauth', '_pinterest_ct_ua', '_epik', '_derived_epik']),
  ...rules('Snap', 'advertising', ['_scid', '_scid_r', '_sctr']),
  ...rules('Reddit', 'advertising', ['_rdt_uuid', '_rdt_cid']),

  // Advertising networks
  ...rules('Criteo', 'advertising', ['cto_bundle', 'cto_bidid', 'cto_lwid']),
  ...rules('Quantcast', 'advertising', ['__qca']),
  ...rules('Xandr (Microsoft)', 'advertising', ['uuid2', 'anj']),
  ...rules('The Trade Desk', 'advertising', ['TDID', 'TDCPM']),
  ...rules('Adobe', 'advertising', ['demdex', 'dextp', 'everest_g_v2']),
  ...rules('Taboola', 'advertising', ['t_gid', 't_pt_gid', 'taboola_*']),
  ...rules('Outbrain', 'advertising', ['obuid', 'outbrain_cid_fetch']),
  ...rules('AdRoll', 'advertising', ['__adroll', '__adroll_fpc', '__ar_v4']),
  ...rules('HubSpot', 'advertising', ['_hsadspixel']),

  // Session replay and heatmaps
  ...rules('Hotjar', 'session-replay', ['_hj*']),
  ...rules('FullStory', 'session-replay', ['fs_uid', 'fs_lua', 'fs_cid']),
  ...rules('Mouseflow', 'session-replay', ['mf_*']),
  ...rules('Smartlook', 'session-replay', ['SL_C_*', 'SL_L_*', 'SL_wptGlobTipTmp']),
  ...rules('LogRocket', 'session-replay', ['_lr_*']),
  ...rules('Crazy Egg', 'session-replay', ['_ce.s', '_ce.clock_event', '_ce.clock_data', 'cebs', 'cebsp_']),
  ...rules('Lucky Orange', 'session-replay', ['_lo_uid', '_lo_v', '_lo_rid', '_lorid', '_lo_np_*']),
  ...rules('Contentsquare', 'session-replay', ['_cs_id', '_cs_s', '_cs_c', '_cs_mk*', '_cs_ex']),

  // Analytics
  ...rules('Mixpanel', 'analytics', ['mp_*']),
  ...rules('Amplitude', 'analytics', ['amp_*']),
  ...rules('Segment (Twilio)', 'analytics', ['ajs_*']),
  ...rules('Heap', 'analytics', ['_hp2_*']),
  ...rules('Matomo', 'analytics', ['_pk_id*', '_pk_ses*', '_pk_ref*', '_pk_cvar*', '_pk_hsr*', 'MATOMO_SESSID']),
  ...rules('Adobe', 'analytics', ['AMCV_*', 'AMCVS_*', 's_cc', 's_sq', 's_vi', 's_fid', 's_ecid', 's_ppv', 's_nr', 'mbox']),
  ...rules('Yandex', 'analytics', ['_ym_*', 'yandexuid', 'yuidss']),
  ...rules('HubSpot', 'analytics', ['__hstc', 'hubspotutk', '__hssc', '__hssrc']),
  ...rules('Marketo (Adobe)', 'analytics', ['_mkto_trk']),
  ...rules('Pardot (Salesforce)', 'analytics', ['visitor_id*', 'pardot']),
  ...rules('Klaviyo', 'analytics', ['__kla_id']),
  ...rules('comScore', 'analytics', ['_scor_uid']),
  ...rules('Chartbeat', 'analytics', ['_cb', '_cb_ls', '_cb_svref', '_chartbeat2', '_chartbeat*']),
  ...rules('Optimizely', 'analytics', ['optimizelyEndUserId', 'optimizely*']),
  ...rules('VWO (Wingify)', 'analytics', ['_vwo_*', '_vis_opt_*']),
  ...rules('AB Tasty', 'analytics', ['ABTasty', 'ABTastySession']),
  ...rules('Pendo', 'analytics', ['_pendo_*']),
  ...rules('PostHog', 'analytics', ['ph_*_posthog']),
  ...rules('Shopify', 'analytics', ['_shopify_y', '_shopify_s', '_shopify_sa_t', '_shopify_sa_p']),
  ...rules('Piano (AT Internet)', 'analytics', ['atuserid', 'atidvisitor', '_pcid', '_pctx']),
  ...rules('Microsoft', 'analytics', ['ai_session', 'ai_user']),

  // Support chat (see the note above)
  ...rules('Intercom', 'session', ['intercom-*']),
  ...rules('Drift (Salesloft)', 'session', ['driftt_aid', 'drift_aid', 'driftt_sid', 'drift_campaign_refresh']),
  ...rules('Zendesk', 'session', ['__zlcmid', '__zlcstore', 'ZD-*']),
  ...rules('LiveChat', 'session', ['__lc_cid', '__lc_cst', '__livechat', '__lc2_cid', '__lc2_cst']),
  ...rules('Tawk.to', 'session', ['TawkConnectionTime', '__tawkuuid', 'twk_uuid_*', 'twk_idm_key']),
  ...rules('Crisp', 'session', ['crisp-client*']),
  ...rules('HubSpot', 'session', ['messagesUtk']),

  // Security and infrastructure
  ...rules('Cloudflare', 'security', ['__cf_bm', 'cf_clearance', '__cfruid', '_cfuvid', '__cflb', 'cf_ob_info', 'cf_use_ob']),
  ...rules('Amazon Web Services', 'security', ['AWSALB*', 'AWSELB*']),
  ...rules('Stripe', 'security', ['__stripe_mid', '__stripe_sid']),
  ...rules('Akamai', 'security', ['_abck', 'bm_sz', 'bm_sv', 'ak_bmsc', 'bm_mi']),
  ...rules('Imperva', 'security', ['incap_ses_*', 'visid_incap_*', 'nlbi_*']),
  ...rules(undefined, 'security', ['*csrf*', 'XSRF-TOKEN', '*xsrf*', '__RequestVerificationToken*', '__Host-csrf*', 'SERVERID', 'BIGipServer*', 'TS01*', 'JSESSIONID_LB']),

  // Sessions and carts (platforms first, then generic names)
  ...rules('WordPress', 'session', ['wordpress_logged_in_*', 'wordpress_sec_*', 'wordpress_*', 'wp-settings-*', 'wp_woocommerce_session_*']),
  ...rules('Shopify', 'session', ['_secure_session_id', 'cart_sig', 'cart_ts', 'cart_currency', 'secure_customer_sig']),
  ...rules(undefined, 'session', [
    'SESSIONID', 'JSESSIONID', 'PHPSESSID', 'ASP.NET_SessionId', 'ASPSESSIONID*', 'CFID', 'CFTOKEN', 'sid', 'connect.sid',
    'laravel_session', 'ci_session', '_session_id', 'session*', '*sessionid*', '*session', 'cart*', '*_cart', 'basket*', 'remember_*', 'auth', 'auth_token', 'access_token',
  ]),

  // Preferences
  ...rules(undefined, 'preferences', [
    'lang', 'language', 'locale', 'i18n*', 'currency', 'country', 'region', 'timezone', 'tz', 'theme', 'dark_mode', 'color_scheme',
    '*prefs*', '*preferences*', 'NEXT_LOCALE', 'django_language', 'pll_language', 'wp-wpml_current_language',
  ]),
];

/** A compiled pattern: how to compare, and the lower-case text to compare with. */
type Matcher = { how: 'exact' | 'prefix' | 'suffix' | 'contains'; text: string; rule: CookieRule };

function compile(rule: CookieRule): Matcher {
  const p = rule.pattern.toLowerCase();
  const starts = p.startsWith('*');
  const ends = p.endsWith('*') && p.length > 1;
  if (starts && ends) return { how: 'contains', text: p.slice(1, -1), rule };
  if (ends) return { how: 'prefix', text: p.slice(0, -1), rule };
  if (starts) return { how: 'suffix', text: p.slice(1), rule };
  return { how: 'exact', text: p, rule };
}

const EXACT = new Map<string, CookieRule>();
const PATTERNS: Matcher[] = [];
for (const rule of COOKIE_RULES) {
  const m = compile(rule);
  // Exact names go in a Map (first row wins); patterns keep table order.
  if (m.how === 'exact') {
    if (!EXACT.has(m.text)) EXACT.set(m.text, rule);
  } else {
    PATTERNS.push(m);
  }
}

/**
 * The first rule of the table that names `name`, or undefined. An exact name beats
 * a pattern (so "sid" is a session id whatever patterns come before it).
 */
export function cookieRuleFor(name: string): CookieRule | undefined {
  const n = name.toLowerCase();
  const exact = EXACT.get(n);
  if (exact) return exact;
  for (const m of PATTERNS) {
    const hit =
      m.how === 'prefix' ? n.startsWith(m.text) : m.how === 'suffix' ? n.endsWith(m.text) : n.includes(m.text);
    if (hit) return m.rule;
  }
  return undefined;
}
