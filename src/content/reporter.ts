/**
 * Batches what the collectors see and sends it to the worker over the typed
 * channel: one message per burst instead of one per request.
 */
import { MAX_OBSERVATIONS_PER_MESSAGE, type ObservationsMessage, type PageObservation } from '../shared/messages';

export type Send = (message: ObservationsMessage) => Promise<unknown>;

export class Reporter {
  private pending: PageObservation[] = [];
  private scheduled = false;

  constructor(
    private readonly send: Send,
    /** How the reporter waits before sending a batch (a timer in the page; immediate in tests). */
    private readonly schedule: (flush: () => void) => void = (flush) => setTimeout(flush, 50),
  ) {}

  report(observation: PageObservation): void {
    this.pending.push(observation);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    while (this.pending.length > 0) {
      const observations = this.pending.splice(0, MAX_OBSERVATIONS_PER_MESSAGE);
      // The worker may be restarting or the extension reloading: the page must not notice.
      this.send({ type: 'observations', observations }).catch(() => undefined);
    }
  }
}
