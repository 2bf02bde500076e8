/**
 * Which URLs the page sent with sendBeacon or a keepalive fetch, as the page-world
 * script (page-world/beacon-hints.ts) saw them. Resource timing stays the source of
 * the request itself; a hint only names its kind, so a forged hint cannot create a
 * finding.
 */
import { MAX_URL_LENGTH } from '../../shared/limits';
import { isRecord } from '../../shared/validate';

export type BeaconHint = 'sendbeacon' | 'keepalive';

/** A page sends many beacons to few URLs; past this, the oldest hints are forgotten. */
const MAX_HINTS = 1_000;

export class BeaconHints {
  private readonly hints = new Map<string, BeaconHint>();

  listen(win: Window): void {
    win.addEventListener('message', (event: MessageEvent) => {
      if (event.source !== win) return;
      const data: unknown = event.data;
      if (!isRecord(data) || data.policylens !== 'beacon-hint') return;
      const { kind, url } = data;
      if ((kind !== 'sendbeacon' && kind !== 'keepalive') || typeof url !== 'string' || url.length > MAX_URL_LENGTH) return;
      this.add(url, kind);
    });
  }

  add(url: string, kind: BeaconHint): void {
    this.hints.delete(url);
    this.hints.set(url, kind);
    if (this.hints.size > MAX_HINTS) this.hints.delete(this.hints.keys().next().value as string);
  }

  /** How the page-world script saw the page send to this URL, if it did. */
  kindOf(url: string): BeaconHint | undefined {
    return this.hints.get(url);
  }
}
