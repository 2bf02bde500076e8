import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, zip } from '../../scripts/zip';

const entries = [
  { name: 'manifest.json', data: Buffer.from(JSON.stringify({ name: 'x', text: 'a'.repeat(5000) })) },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: '_locales/de/messages.json', data: Buffer.from('{"x":{"message":"Größe"}}') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];
const WHEN = new Date(Date.UTC(2025, 5, 1, 12, 30, 10));

describe('zip', () => {
  it('writes an archive whose central directory gives back every file, in order, byte for byte', () => {
    const read = readZip(zip(entries, WHEN));
    expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    for (const [i, entry] of read.entries()) expect(entry.data.equals(entries[i]!.data)).toBe(true);
    expect(read[0]).toMatchObject({ dosTime: (12 << 11) | (30 << 5) | 5, dosDate: ((2025 - 1980) << 9) | (6 << 5) | 1 });
  });

  it('reading finds a damaged file', () => {
    const archive = zip([{ name: 'a.txt', data: Buffer.from('hello hello hello') }], WHEN);
    const at = 30 + 'a.txt'.length + 1;
    archive.writeUInt8(archive.readUInt8(at) ^ 0xff, at);
    expect(() => readZip(archive)).toThrow();
  });

  it('compresses what compresses', () => {
    expect(zip(entries, WHEN).length).toBeLessThan(2000);
  });

  it('is deterministic: the same files and time give the same bytes', () => {
    expect(zip(entries, WHEN).equals(zip(entries, WHEN))).toBe(true);
  });

  it('refuses unsafe or duplicate names', () => {
    const data = Buffer.from('x');
    expect(() => zip([{ name: '../evil', data }], WHEN)).toThrow(/unsafe/);
    expect(() => zip([{ name: '/abs', data }], WHEN)).toThrow(/unsafe/);
    expect(() => zip([{ name: 'a', data }, { name: 'a', data }], WHEN)).toThrow(/duplicate/);
  });

  it.runIf(existsSync('/usr/bin/unzip'))('passes unzip -t (Info-ZIP), when it is installed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylens-zip-'));
    try {
      const file = join(dir, 'test.zip');
      writeFileSync(file, zip(entries, WHEN));
      expect(execFileSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
