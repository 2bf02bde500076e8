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

  private held = false;

  /**
   * Sends nothing until `until` settles (a prerendered page: what it sees belongs to it only
   * once it is shown), then everything gathered meanwhile.
   */
  holdUntil(until: Promise<unknown>): void {
    this.held = true;
    void until.finally(() => {
      this.held = false;
      this.flush();
    });
  }

  /** Tells the worker this document is there, even before it has seen anything. */
  hello(): void {
    if (!this.held) this.send({ type: 'observations', observations: [] }).catch(() => undefined);
  }

  report(observation: PageObservation): void {
    this.pending.push(observation);
    if (this.scheduled || this.held) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  flush(): void {
    this.scheduled = false;
    if (this.held) return;
    while (this.pending.length > 0) {
      const observations = this.pending.splice(0, MAX_OBSERVATIONS_PER_MESSAGE);
      // The worker may be restarting or the extension reloading: the page must not notice.
      this.send({ type: 'observations', observations }).catch(() => undefined);
    }
  }
}
