/**
 * The permissions review: manifest.json may ask for exactly what permissions.reviewed.json
 * lists, and every reviewed permission is explained in PERMISSIONS.md. Adding a
 * permission therefore takes three edits (manifest, reviewed list, the reason in
 * PERMISSIONS.md); this test fails until all three agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

const FIELDS = ['permissions', 'host_permissions', 'optional_permissions', 'optional_host_permissions'] as const;
type Field = (typeof FIELDS)[number];
type Permissions = Partial<Record<Field, string[]>>;

const manifest = JSON.parse(read('manifest.json')) as Permissions;
const reviewed = JSON.parse(read('permissions.reviewed.json')) as Permissions;
const explained = read('PERMISSIONS.md');

const sorted = (list: string[] | undefined): string[] => [...(list ?? [])].sort();

describe('the permissions review', () => {
  for (const field of FIELDS) {
    it(`manifest.json's ${field} are exactly the reviewed ones`, () => {
      const asked = sorted(manifest[field]);
      const allowed = sorted(reviewed[field]);
      expect(
        { notReviewed: asked.filter((p) => !allowed.includes(p)), reviewedButGone: allowed.filter((p) => !asked.includes(p)) },
        `a change to ${field} must also be made in permissions.reviewed.json, with its reason in PERMISSIONS.md`,
      ).toEqual({ notReviewed: [], reviewedButGone: [] });
    });
  }

  it('permissions.reviewed.json has no field the test does not check', () => {
    expect(Object.keys(reviewed).filter((key) => !(FIELDS as readonly string[]).includes(key))).toEqual([]);
  });

  it('PERMISSIONS.md explains every reviewed permission in its table', () => {
    const tableRows = explained.split('\n').filter((line) => line.startsWith('| `'));
    const unexplained = FIELDS.flatMap((field) => reviewed[field] ?? []).filter(
      (permission) => !tableRows.some((row) => row.includes(`\`${permission}\``)),
    );
    expect(unexplained).toEqual([]);
  });
});
