/**
 * Batches what the collectors see and sends it to the worker over the typed
 * channel: one message per burst instead of one per request.
 */
import { MAX_OBSERVATIONS_PER_MESSAGE } from '../shared/limits';
import type { ObservationsMessage, PageObservation } from '../shared/messages';

export type Send = (message: ObservationsMessage) => Promise<unknown>;

/**
 * The worker answers a batch once it is saved; a batch whose message fails (the worker was
 * stopped while taking it in, or is starting) is sent again after these delays, then dropped.
 */
export const RETRY_DELAYS_MS: readonly number[] = [100, 500, 2_000];

export class Reporter {
  private pending: PageObservation[] = [];
  private scheduled = false;

  constructor(
    private readonly send: Send,
    /** How the reporter waits before sending a batch (a timer in the page; immediate in tests). */
    private readonly schedule: (flush: () => void) => void = (flush) => setTimeout(flush, 50),
    /** How a failed batch waits before it is sent again. */
    private readonly retry: (again: () => void, delayMs: number) => void = (again, delayMs) => setTimeout(again, delayMs),
  ) {}

  private held = false;
  /** This document's reporter among all of the tab's (frames, reloads), for batch names. */
  private readonly instance = Math.random().toString(36).slice(2, 12);
  private sequence = 0;

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

  private helloDue = false;

  /**
   * Tells the worker this document is there, even before it has seen anything: with the
   * next batch, or alone if that has nothing. Not at once: the first message of a page costs
   * Chromium a few milliseconds to set up, which the page's load need not wait for.
   */
  hello(): void {
    this.helloDue = true;
    this.flushLater();
  }

  report(observation: PageObservation): void {
    this.pending.push(observation);
    this.flushLater();
  }

  private flushLater(): void {
    if (this.scheduled || this.held) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  private deliver(message: ObservationsMessage, attempt: number): void {
    let sent: Promise<unknown>;
    try {
      sent = this.send(message);
    } catch (error) {
      sent = Promise.reject(error);
    }
    // The page must not notice a worker that is restarting or an extension being reloaded.
    sent.catch(() => {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay !== undefined) this.retry(() => this.deliver(message, attempt + 1), delay);
    });
  }

  flush(): void {
    this.scheduled = false;
    if (this.held) return;
    if (this.helloDue && this.pending.length === 0) this.send({ type: 'observations', observations: [] }).catch(() => undefined);
    this.helloDue = false;
    while (this.pending.length > 0) {
      const observations = this.pending.splice(0, MAX_OBSERVATIONS_PER_MESSAGE);
      this.deliver({ type: 'observations', observations, batch: `${this.instance}:${this.sequence++}` }, 0);
    }
  }
}
