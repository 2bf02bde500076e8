/**
 * The two manifests one source tree builds: Chromium's (manifest.json as written) has
 * what the Chrome Web Store requires and points at files that exist; Firefox's is the
 * same extension as an event page with its add-on id, minus only the permissions
 * Firefox has no API for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ONLY_PERMISSIONS,
  FIREFOX_MIN_VERSION,
  GECKO_ID,
  manifestFor,
  type SourceManifest,
} from '../../scripts/manifests';
import { createTranslator, type Messages } from '../../src/shared/i18n';

const root = new URL('../../', import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, root), 'utf8')) as T;
const exists = (path: string): boolean => existsSync(new URL(path, root));

interface Manifest extends SourceManifest {
  name: string;
  description: string;
  default_locale: string;
  icons: Record<string, string>;
  action: { default_title: string; default_popup: string; default_icon: Record<string, string> };
  content_scripts: { js: string[]; matches: string[] }[];
  host_permissions: string[];
}

const source = readJson<Manifest>('manifest.json');
const packageJson = readJson<{ version: string }>('package.json');
const english = readJson<Messages>('public/_locales/en/messages.json');
const t = createTranslator(english);
const localized = (value: string): string => value.replace(/^__MSG_(\w+)__$/, (_all, key: string) => t(key));

describe("Chromium's manifest (manifest.json)", () => {
  const chrome = manifestFor('chrome', source);

  it('is manifest.json itself', () => {
    expect(chrome).toBe(source);
  });

  it('has the fields the Chrome Web Store requires, within its limits', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.version).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    for (const part of chrome.version.split('.')) expect(Number(part)).toBeLessThanOrEqual(65535);
    expect(chrome.version).toBe(packageJson.version);
    expect(localized(chrome.name).length).toBeGreaterThan(0);
    expect(localized(chrome.name).length).toBeLessThanOrEqual(75);
    expect(localized(chrome.description).length).toBeGreaterThan(0);
    expect(localized(chrome.description).length).toBeLessThanOrEqual(132);
    expect(chrome.minimum_chrome_version).toMatch(/^\d+$/);
    expect(chrome.background).toEqual({ service_worker: expect.any(String), type: 'module' });
  });

  it('names only messages that exist, in a default locale that exists', () => {
    const names = JSON.stringify(chrome).match(/__MSG_\w+__/g) ?? [];
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => t(name.slice(6, -2)) === name.slice(6, -2))).toEqual([]);
    expect(exists(`public/_locales/${chrome.default_locale}/messages.json`)).toBe(true);
  });

  it('points at files that exist (icons in public/, scripts and the popup in the sources)', () => {
    const icons = [...Object.values(chrome.icons), ...Object.values(chrome.action.default_icon)];
    expect(icons.filter((icon) => !exists(`public/${icon}`))).toEqual([]);
    expect(Object.keys(chrome.icons)).toEqual(expect.arrayContaining(['16', '48', '128']));
    const sources = [chrome.background?.service_worker ?? '', chrome.action.default_popup, ...chrome.content_scripts.flatMap((c) => c.js)];
    expect(sources.filter((file) => !exists(file))).toEqual([]);
  });
});

describe('content scripts', () => {
  it('run in every frame of a SmartErgo page, including the frames it makes itself (about:blank, srcdoc, data:, blob:)', () => {
    const scripts = source.content_scripts as { js: string[]; matches: string[]; all_frames?: boolean; match_origin_as_fallback?: boolean }[];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script.all_frames).toBe(true);
      expect(script.match_origin_as_fallback).toBe(true);
      // Chromium refuses match_origin_as_fallback with a pattern whose path is not "/*".
      for (const pattern of script.matches) expect(pattern).toMatch(/^[^/]+:\/\/[^/]+\/\*$/);
    }
    expect(Number.parseInt(FIREFOX_MIN_VERSION, 10)).toBeGreaterThanOrEqual(128); // Firefox reads match_origin_as_fallback from 128 on
  });
});

describe("Firefox's manifest", () => {
  const firefox = manifestFor('firefox', source) as Manifest & {
    browser_specific_settings: { gecko: { id: string; strict_min_version: string; data_collection_permissions: unknown } };
  };

  it('runs the same background entry as an event page', () => {
    expect(firefox.background).toEqual({ scripts: [source.background?.service_worker], type: 'module' });
  });

  it('has an add-on id, a minimum version and says it collects no data', () => {
    const gecko = firefox.browser_specific_settings.gecko;
    expect(gecko.id).toBe(GECKO_ID);
    expect(gecko.id).toMatch(/^[a-zA-Z0-9-._]*@[a-zA-Z0-9-._]+$/);
    expect(gecko.strict_min_version).toBe(FIREFOX_MIN_VERSION);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(firefox.minimum_chrome_version).toBeUndefined();
  });

  it('asks for the same permissions, less only those Firefox has no API for', () => {
    expect(firefox.permissions).toEqual((source.permissions ?? []).filter((p) => !CHROMIUM_ONLY_PERMISSIONS.includes(p)));
    expect(firefox.host_permissions).toEqual(source.host_permissions);
    expect(source.permissions).toEqual(expect.arrayContaining([...CHROMIUM_ONLY_PERMISSIONS]));
  });

  it('is otherwise the same extension: popup, content scripts, icons, texts', () => {
    const same = (m: Manifest) => ({
      name: m.name,
      description: m.description,
      version: m.version,
      default_locale: m.default_locale,
      icons: m.icons,
      action: m.action,
      content_scripts: m.content_scripts,
    });
    expect(same(firefox)).toEqual(same(source));
  });

  it('leaves manifest.json untouched', () => {
    expect(source.background).toHaveProperty('service_worker');
    expect(source).not.toHaveProperty('browser_specific_settings');
  });
});
