import { describe, expect, it } from 'vitest';
import { isBeaconKind } from './model';

describe('isBeaconKind', () => {
  it('treats pixels, sendBeacon, ping and keepalive as beacons, nothing else', () => {
    expect(['pixel', 'sendbeacon', 'ping', 'keepalive'].every((k) => isBeaconKind(k as never))).toBe(true);
    expect(isBeaconKind('script')).toBe(false);
    expect(isBeaconKind('image')).toBe(false);
  });
});
