/**
 * The popup's colour pairs, checked for WCAG 2 contrast in both colour schemes:
 * at least 4.5:1 for text, 3:1 for the focus ring (a non-text indicator).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'popup.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1] ?? '', (m[2] ?? '').toLowerCase()]));
}

const lightBlock = /^:root\s*\{([^}]*)\}/m.exec(css)?.[1] ?? '';
const darkBlock = /@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)?.[1] ?? '';
const schemes = { light: variables(lightBlock), dark: variables(darkBlock) };

const luminance = (hex: string): number => {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
};

const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** [foreground, background, minimum]: every way the stylesheet puts text on a background. */
const PAIRS: [string, string, number][] = [
  ['fg', 'bg', 4.5], // body text, headings
  ['fg', 'surface', 4.5], // finding labels on their buttons
  ['muted', 'bg', 4.5], // page host, notes, detail labels
  ['muted', 'surface', 4.5], // quotes, kind chips
  ['contradicts-fg', 'contradicts-bg', 4.5], // verdict chips
  ['not-covered-fg', 'not-covered-bg', 4.5],
  ['disclosed-fg', 'disclosed-bg', 4.5],
  ['contradicts-fg', 'bg', 4.5], // summary parts, error message
  ['not-covered-fg', 'bg', 4.5],
  ['disclosed-fg', 'bg', 4.5],
  ['focus', 'bg', 3],
  ['focus', 'surface', 3],
];

describe('popup colours', () => {
  for (const [scheme, vars] of Object.entries(schemes)) {
    it(`has enough contrast in ${scheme} mode`, () => {
      const report: string[] = [];
      for (const [fg, bg, min] of PAIRS) {
        const a = vars[fg];
        const b = vars[bg];
        expect(a, `--${fg} in ${scheme}`).toBeDefined();
        expect(b, `--${bg} in ${scheme}`).toBeDefined();
        const ratio = contrast(a ?? '', b ?? '');
        report.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`);
        expect(ratio, `${scheme}: --${fg} on --${bg}`).toBeGreaterThanOrEqual(min);
      }
      if (process.env.SHOW_CONTRAST) console.log(`${scheme}\n  ${report.join('\n  ')}`);
    });
  }

  it('defines the same properties for both schemes', () => {
    expect(Object.keys(schemes.dark).sort()).toEqual(Object.keys(schemes.light).sort());
    expect(Object.keys(schemes.light).length).toBeGreaterThan(10);
  });

  it('loads no external fonts or other network resources', () => {
    expect(css).not.toMatch(/@import|url\(|@font-face/);
  });

  it('turns motion off for people who ask for less', () => {
    expect(css).toMatch(/@media \(prefers-reduced-motion: reduce\)/);
  });
});
