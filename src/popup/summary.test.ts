import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/model';
import { countFindings, isTracker } from '../core/summary';
import { summarise, summaryText } from './summary';
import {
  ALL_FINDINGS,
  EMAIL_LEAK,
  FB_PIXEL,
  FONT,
  GA_BEACON,
  GA_COOKIE,
  GTM_SCRIPT,
  recordingTranslator,
  SESSION_COOKIE,
} from './test-support';

const { t, missing } = recordingTranslator();
const text = (findings: Finding[]): string => summaryText(summarise(countFindings(findings), t), t);

describe('isTracker', () => {
  it('counts third-party known trackers and any third-party beacon', () => {
    expect(isTracker(GA_BEACON)).toBe(true);
    expect(isTracker(GTM_SCRIPT)).toBe(true);
    expect(isTracker({ ...FB_PIXEL, tracker: undefined })).toBe(true);
  });

  it('leaves out cookies, first-party requests and unknown third-party non-beacons', () => {
    expect(isTracker(GA_COOKIE)).toBe(false);
    expect(isTracker(FONT)).toBe(false);
    expect(isTracker({ ...GA_BEACON, party: 'first-party', host: 'www.smartergo.com' })).toBe(false);
  });
});

describe('countFindings', () => {
  it('counts trackers, beacons (overlapping), cookies and the two problem verdicts', () => {
    expect(countFindings(ALL_FINDINGS)).toEqual({
      trackers: 4,
      beacons: 2,
      cookies: 4,
      other: 0,
      notCovered: 2,
      contradicts: 1,
      total: 9,
    });
  });
});

describe('summary sentence', () => {
  it('puts contradictions first, then what the policy does not cover', () => {
    expect(text(ALL_FINDINGS)).toBe('4 trackers, 2 beacons, 4 cookies; 1 contradicts the policy, 2 not covered by the policy');
  });

  it('uses the singular messages for one', () => {
    expect(text([GA_BEACON, GA_COOKIE, FB_PIXEL])).toBe('2 trackers, 2 beacons, 1 cookie; 1 not covered by the policy');
    expect(text([EMAIL_LEAK, EMAIL_LEAK])).toBe('2 trackers, 0 beacons, 0 cookies; 2 contradict the policy');
  });

  it('names the other ways of collecting data only when there are some', () => {
    const form = { ...SESSION_COOKIE, id: 'form:www.smartergo.com/contact', kind: 'form' } as unknown as Finding;
    expect(text([SESSION_COOKIE, form])).toBe(
      '0 trackers, 0 beacons, 1 cookie, 1 other way of collecting data; the privacy policy mentions all of them',
    );
  });

  it('says plainly when the policy mentions everything', () => {
    expect(text([GA_COOKIE, SESSION_COOKIE])).toBe('0 trackers, 0 beacons, 2 cookies; the privacy policy mentions all of them');
  });

  it('marks each part with its tone, so the popup can stress contradictions', () => {
    const tones = summarise(countFindings(ALL_FINDINGS), t).parts.map((p) => p.tone);
    expect(tones).toEqual(['plain', 'contradicts', 'not-covered']);
  });

  it('uses only messages that exist', () => {
    expect([...missing]).toEqual([]);
  });
});
