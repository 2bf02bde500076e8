import { describe, expect, it } from 'vitest';
import type { TrackerCategory } from '../core/model';
import { TRACKER_ORGANISATIONS } from './trackers';

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
