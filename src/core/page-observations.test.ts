import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, withChange } from './blocking/settings';
import { admitPageObservations, hasCookieAttempts, type ReportedObservation } from './page-observations';

const reported: ReportedObservation[] = [
  { source: 'resource-timing', url: 'https://www.facebook.com/tr?id=1', initiatorType: 'img' },
  { source: 'document-cookie', name: '_ga', value: 'GA1.1.1.1' },
  { source: 'cookie-attempt', name: 'forged', value: '1' },
];

describe('admitPageObservations', () => {
  it('drops cookie attempts while cookies are allowed (only the page itself can have posted them)', () => {
    expect(DEFAULT_SETTINGS.cookies.all).toBe(false);
    expect(admitPageObservations(reported, DEFAULT_SETTINGS)).toEqual({
      observations: [reported[0], reported[1]],
      rejectedAttempts: 1,
    });
  });

  it('drops them too when only some cookies are blocked (the attempts script runs only for "block all")', () => {
    const settings = withChange(DEFAULT_SETTINGS, { cookies: { names: ['forged'], purposes: ['advertising'], thirdParty: true } });
    expect(admitPageObservations(reported, settings).rejectedAttempts).toBe(1);
  });

  it('takes them as document.cookie observations while all cookies are blocked', () => {
    const settings = withChange(DEFAULT_SETTINGS, { cookies: { all: true } });
    expect(admitPageObservations(reported, settings)).toEqual({
      observations: [reported[0], reported[1], { source: 'document-cookie', name: 'forged', value: '1' }],
      rejectedAttempts: 0,
    });
  });

  it('tells whether a batch has any attempt (the worker reads the settings only then)', () => {
    expect(hasCookieAttempts(reported)).toBe(true);
    expect(hasCookieAttempts(reported.slice(0, 2))).toBe(false);
  });
});
