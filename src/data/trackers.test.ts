import { describe, expect, it } from 'vitest';
import type { TrackerCategory } from '../core/model';
import { TRACKER_ORGANISATIONS } from './trackers';
import { GENERATED_TRACKER_SOURCE, GENERATED_TRACKERS } from './trackers.generated';

const CATEGORIES: readonly TrackerCategory[] = [
  'analytics',
  'advertising',
  'social',
  'session-replay',
  'customer-support',
  'tag-manager',
  'consent',
  'other',
];

describe('tracker data', () => {
  it('covers about 150 organisations', () => {
    const organisations = new Set(TRACKER_ORGANISATIONS.map((o) => o.organisation));
    expect(organisations.size).toBeGreaterThanOrEqual(140);
  });

  it('lists each domain once, lower case, without scheme, leading dot or trailing slash', () => {
    const seen = new Set<string>();
    for (const org of TRACKER_ORGANISATIONS) {
      expect(org.domains.length, org.organisation).toBeGreaterThan(0);
      for (const domain of org.domains) {
        expect(domain, org.organisation).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+(\/[a-z0-9/_.-]*[a-z0-9_-])?$/);
        expect(seen.has(domain), `${domain} twice`).toBe(false);
        seen.add(domain);
      }
    }
  });

  it('uses only the model categories, and explains every "other"', () => {
    for (const org of TRACKER_ORGANISATIONS) {
      expect(CATEGORIES).toContain(org.category);
      if (org.category === 'other') expect(org.note, org.organisation).toBeTruthy();
    }
  });

  it('has a product name wherever one organisation has several entries', () => {
    const count = new Map<string, number>();
    for (const org of TRACKER_ORGANISATIONS) count.set(org.organisation, (count.get(org.organisation) ?? 0) + 1);
    const unnamed = TRACKER_ORGANISATIONS.filter((o) => (count.get(o.organisation) ?? 0) > 1 && !o.product);
    expect(unnamed.map((o) => `${o.organisation} ${o.category}`)).toEqual([]);
  });
});

describe('generated tracker data (npm run refresh-trackers)', () => {
  const handHosts = new Set(TRACKER_ORGANISATIONS.flatMap((o) => o.domains.map((d) => d.split('/')[0]!)));
  /** The hand-listed host `domain` is, or is under. */
  const handHostOf = (domain: string): string | undefined => {
    for (let d = domain; d.includes('.'); d = d.slice(d.indexOf('.') + 1)) if (handHosts.has(d)) return d;
    return undefined;
  };

  it('comes from a permissively licensed source', () => {
    expect(GENERATED_TRACKER_SOURCE).toMatchObject({ package: 'third-party-web', licence: 'MIT' });
  });

  it('widens the hand list to over a thousand organisations', () => {
    const organisations = new Set(GENERATED_TRACKERS.map(([organisation]) => organisation));
    expect(organisations.size).toBeGreaterThan(1000);
  });

  it('lists each domain once, well formed, in a model category', () => {
    const seen = new Set<string>();
    for (const [organisation, category, domains] of GENERATED_TRACKERS) {
      expect(organisation.trim(), organisation).toBe(organisation);
      expect(CATEGORIES).toContain(category);
      for (const domain of domains.split(' ')) {
        expect(domain, organisation).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(seen.has(domain), `${domain} twice`).toBe(false);
        seen.add(domain);
      }
    }
  });

  it('leaves every host of the hand list, and what is below it, to the hand list', () => {
    // Fails when trackers.ts gained a host the generated file still has: run npm run refresh-trackers.
    const clashes = GENERATED_TRACKERS.flatMap(([organisation, , domains]) =>
      domains.split(' ').flatMap((d) => (handHostOf(d) === undefined ? [] : [`${d} (${organisation}) is under ${handHostOf(d)}`])),
    );
    expect(clashes).toEqual([]);
  });
});
