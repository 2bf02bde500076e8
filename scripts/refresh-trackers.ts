/**
 * `npm run refresh-trackers`: regenerates src/data/trackers.generated.ts from the
 * third-party-web package (a devDependency, MIT): its entities (name, company,
 * category, domains), reduced to the tracker categories PolicyLens reports, mapped
 * onto TrackerCategory, named like our hand-compiled list where they overlap, and
 * written as a compact table the tracker index compiles when it loads. The extension
 * ships only the generated file; nothing is fetched at run time.
 *
 * The hand-compiled list (src/data/trackers.ts) wins: a generated domain that is one
 * of its hosts, or below one, is left out, so its categories and path rules hold.
 * Run it after bumping third-party-web or editing the hand list; commit the result.
 * See src/data/TRACKERS.md for the source, the licence and the category mapping.
 *
 * usage: node scripts/run-ts.mjs scripts/refresh-trackers.ts [--check]
 *   --check: exit 1 if the generated file is not what the package and the hand list give.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { getDomain, getPublicSuffix } from 'tldts';
import type { TrackerCategory } from '../src/core/model';
import { TRACKER_ORGANISATIONS } from '../src/data/trackers';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = resolve(ROOT, 'src/data/trackers.generated.ts');
const PACKAGE = 'third-party-web';

interface Entity {
  name: string;
  company?: string;
  category: string;
  domains: string[];
}

/**
 * third-party-web's categories → ours. `null`: not a tracker by purpose (CDNs, hosting,
 * payment and other utilities, publishers' content, uncategorised), left out so those
 * hosts stay "unknown third party". Keep in step with the table in TRACKERS.md.
 */
export const CATEGORY_MAP: Readonly<Record<string, TrackerCategory | null>> = {
  ad: 'advertising',
  analytics: 'analytics',
  social: 'social',
  'customer-success': 'customer-support',
  'tag-manager': 'tag-manager',
  'consent-provider': 'consent',
  marketing: 'analytics', // marketing automation, as in the hand list (HubSpot, Mailchimp, Pardot)
  video: 'other', // embedded players (YouTube is 'other' in the hand list)
  cdn: null,
  hosting: null,
  utility: null,
  content: null,
  other: null,
};

/**
 * Organisation names where third-party-web's differ from the hand list's for the same
 * organisation and no shared domain says so (see `aliasesFromOverlap` for the rest).
 */
const NAME_ALIASES: Readonly<Record<string, string>> = {
  Facebook: 'Meta',
  Twitter: 'X (Twitter)',
  'Twitter Short URL': 'X (Twitter)',
  reddit: 'Reddit',
  ZenDesk: 'Zendesk',
  Zopim: 'Zendesk',
  'Tidio Live Chat': 'Tidio',
  Jivochat: 'JivoChat',
  Hubspot: 'HubSpot',
  'Bing Ads': 'Microsoft',
  'Yahoo!': 'Yahoo',
  AOL: 'Yahoo', // AOL's ad business (ONE by AOL) went to Verizon Media, now Yahoo
  'Adobe Systems': 'Adobe',
  'OpenX Technologies': 'OpenX',
  'Quantcast Choice': 'Quantcast',
  'Quora Ads': 'Quora',
  Rakuten: 'Rakuten Advertising',
  'Rakuten Marketing': 'Rakuten Advertising',
  'Salesforce.com': 'Salesforce',
  Signal: 'Signal (TransUnion)',
  'Teads Managed Services': 'Teads',
  Conversant: 'Epsilon (Conversant)',
};

function fail(message: string): never {
  console.error(`refresh-trackers: ${message}`);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const packageDir = resolve(require.resolve(`${PACKAGE}/package.json`), '..');
const pkg = JSON.parse(readFileSync(resolve(packageDir, 'package.json'), 'utf8')) as { version: string; license: string };
if (pkg.license !== 'MIT') fail(`${PACKAGE} ${pkg.version} is licensed "${pkg.license}", not MIT: check TRACKERS.md before shipping it`);
const entities = JSON.parse(readFileSync(resolve(packageDir, 'dist/entities-nostats.json'), 'utf8')) as Entity[];
if (!Array.isArray(entities) || entities.length < 1000) fail(`${PACKAGE}: dist/entities-nostats.json is not the list of entities it used to be`);

for (const e of entities) {
  if (!Object.hasOwn(CATEGORY_MAP, e.category)) fail(`${PACKAGE} has a new category "${e.category}" (${e.name}): map it in CATEGORY_MAP and TRACKERS.md`);
}

// The hand list's hosts (a "host/path" rule claims its host too: google.com stays decided by hand).
const handHosts = new Map<string, string>();
for (const org of TRACKER_ORGANISATIONS) for (const rule of org.domains) handHosts.set(rule.split('/')[0]!, org.organisation);

/** The hand-listed host `domain` is, or is under; undefined if none. */
function handHostOf(domain: string): string | undefined {
  for (let d = domain; ; ) {
    if (handHosts.has(d)) return d;
    const dot = d.indexOf('.');
    if (dot < 0) return undefined;
    d = d.slice(dot + 1);
  }
}

const DOMAIN = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const skipped: string[] = [];

/** "*.example.com" and "example.com" both become "example.com" (a domain matches its subdomains in our index). */
function normalise(raw: string, entity: string): string | undefined {
  const domain = raw.toLowerCase().replace(/^\*\./, '');
  if (!DOMAIN.test(domain)) return void skipped.push(`${raw} (${entity}): not a host name`);
  // A bare public suffix ("cloudfront.net") would name everyone's sites after one organisation.
  if (getPublicSuffix(domain, { allowPrivateDomains: true }) === domain || getDomain(domain, { allowPrivateDomains: true }) === null) {
    return void skipped.push(`${raw} (${entity}): a public suffix`);
  }
  return domain;
}

/** Organisation of an entity before aliasing: its company, or its own name. */
const ownerOf = (e: Entity): string => (e.company ?? e.name).trim();

/**
 * Where an entity shares a domain with the hand list, it takes the hand list's
 * organisation name ("Facebook" → "Meta" via facebook.com, "YouTube" → "Google"), so one
 * organisation does not appear under two names. Per entity, not per company: a
 * company's other products keep the company's name. Only when the overlaps agree.
 */
function handNameOf(e: Entity): string | undefined {
  const names = new Set<string>();
  for (const raw of e.domains) {
    const host = handHostOf(raw.toLowerCase().replace(/^\*\./, ''));
    if (host !== undefined) names.add(handHosts.get(host)!);
  }
  return names.size === 1 ? [...names][0] : undefined;
}

const handNames = new Set(TRACKER_ORGANISATIONS.map((o) => o.organisation));

/** The owner under our name: an alias, or "Didomi CMP" → "Didomi" when the hand list has "Didomi". */
function aliasOf(garbled: string): string {
  // A few names in the source are UTF-8 read as Latin-1 ("StrÃ¶er" for "Ströer"): read them back.
  const owner = /Ã.|Â./.test(garbled) ? Buffer.from(garbled, 'latin1').toString('utf8') : garbled;
  const alias = NAME_ALIASES[owner];
  if (alias !== undefined) return alias;
  const base = owner.endsWith(' CMP') ? owner.slice(0, -' CMP'.length) : owner;
  return handNames.has(base) ? base : owner;
}

const renamed = new Map<string, string>();
const organisationOf = (e: Entity): string => {
  const owner = aliasOf(ownerOf(e));
  const hand = handNameOf(e);
  if (hand === undefined || hand === owner) return owner;
  renamed.set(e.name, hand);
  return hand;
};

// organisation + category → domains
const groups = new Map<string, { organisation: string; category: TrackerCategory; domains: Set<string> }>();
const seen = new Map<string, string>();
let overridden = 0;
for (const e of entities) {
  const category = CATEGORY_MAP[e.category];
  if (category === null || category === undefined) continue;
  const organisation = organisationOf(e);
  for (const raw of e.domains) {
    const domain = normalise(raw, e.name);
    if (domain === undefined) continue;
    if (handHostOf(domain) !== undefined) {
      overridden++;
      continue;
    }
    const key = `${organisation}\u0000${category}`;
    const previous = seen.get(domain);
    if (previous !== undefined) {
      if (previous !== key) skipped.push(`${domain} (${e.name}): already listed for ${previous.replace('\u0000', ', ')}`);
      continue;
    }
    seen.set(domain, key);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { organisation, category, domains: new Set() }));
    group.domains.add(domain);
  }
}

const rows = [...groups.values()]
  .map((g) => ({ ...g, domains: [...g.domains].sort() }))
  .sort((a, b) => (a.organisation < b.organisation ? -1 : a.organisation > b.organisation ? 1 : a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
const organisations = new Set(rows.map((r) => r.organisation));
const domainCount = rows.reduce((n, r) => n + r.domains.length, 0);

const text = `/**
 * GENERATED by \`npm run refresh-trackers\` (scripts/refresh-trackers.ts): do not edit.
 * From ${PACKAGE} ${pkg.version} (MIT, Copyright (c) 2019 Patrick Hulce), its tracker
 * categories only, mapped onto PolicyLens's (see TRACKERS.md). The hand-compiled list
 * (trackers.ts) wins: its hosts and everything below them are not repeated here.
 * ${organisations.size} organisations, ${domainCount} domains.
 *
 * Each row: [organisation, category, domains separated by spaces]; a domain matches
 * itself and its subdomains.
 */
import type { TrackerCategory } from '../core/model';

export type GeneratedTrackerRow = readonly [organisation: string, category: TrackerCategory, domains: string];

export const GENERATED_TRACKER_SOURCE = { package: '${PACKAGE}', version: '${pkg.version}', licence: 'MIT' } as const;

export const GENERATED_TRACKERS: readonly GeneratedTrackerRow[] = [
${rows.map((r) => `  [${JSON.stringify(r.organisation)}, '${r.category}', '${r.domains.join(' ')}'],`).join('\n')}
];
`;

const summary =
  `${PACKAGE} ${pkg.version}: ${entities.length} entities; kept ${organisations.size} organisations, ${domainCount} domains in ${rows.length} rows; ` +
  `${overridden} domains left to the hand list; ${skipped.length} skipped; ${renamed.size} entities named as in the hand list.`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // missing: differs
  }
  if (current !== text) fail(`src/data/trackers.generated.ts is out of date (${summary}); run npm run refresh-trackers`);
  console.log(`refresh-trackers: up to date. ${summary}`);
} else {
  writeFileSync(OUT, text);
  console.log(`refresh-trackers: wrote src/data/trackers.generated.ts. ${summary}`);
  if (process.argv.includes('--verbose')) {
    for (const [entity, name] of renamed) console.log(`  renamed: ${entity} → ${name}`);
    for (const s of skipped) console.log(`  skipped: ${s}`);
  }
}
