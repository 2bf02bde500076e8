/**
 * The content script's work, done when the page is idle, in one pass.
 *
 * A trace of the demo home page showed the script's cost was not its own code but
 * where it ran: the first document.cookie read is a synchronous round trip to the
 * browser's cookie store (~19 ms of blocked main thread at document_start), and every
 * resource-timing batch, message and timer was a separate entry into the isolated
 * world, each forcing the page's style for the pixel check. So at document_start the
 * script only listens; what it saw is classified, looked at and sent in one idle pass,
 * however many reasons to look came in before it ran.
 */

/** Runs `run` once the page has nothing else to do (bounded, so it always runs). */
export function whenIdle(run: () => void, timeoutMs = 500): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => run(), { timeout: timeoutMs });
  else setTimeout(run, 50);
}

export class IdlePass {
  private scheduled = false;

  constructor(
    /** What one pass does, in order: each step serves what the earlier ones asked for. */
    private readonly steps: ReadonlyArray<() => void>,
    private readonly schedule: (run: () => void) => void = whenIdle,
  ) {}

  /** Asks for a pass; calls before it runs make one pass. */
  request(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.run());
  }

  /** Runs a pass now (the page is going away). A pass still scheduled runs later and finds little to do. */
  run(): void {
    for (const step of this.steps) {
      try {
        step();
      } catch {
        // One collector's failure must not cost the others (nor reach the page).
      }
    }
    // Only now: a request made by a step (an entry reported) is served by the later steps.
    this.scheduled = false;
  }
}
