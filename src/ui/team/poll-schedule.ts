/**
 * When the header polls for something that changes while the learner sits on a page (the notification
 * count): every minute while the tab is visible, not at all while it is hidden (the tab refreshes the moment
 * it is shown again instead), slower after each failed poll, and never again once the server says the
 * session has ended. UI-free so the schedule is tested without a browser: the page passes its timer and
 * its visibility in, and calls visibilityChanged() from its visibilitychange listener.
 */
export const POLL_EVERY_MS = 60_000;
/** A server that keeps failing is asked at most this often. */
export const POLL_BACKOFF_MAX_MS = 15 * 60_000;

/** What one poll came to: `signed-out` ends polling for this page. */
export type PollOutcome = 'ok' | 'failed' | 'signed-out';

export interface PollTimer {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** The delay before the next poll after `failures` failed polls in a row: doubling, capped. */
export function pollDelay(failures: number): number {
  return Math.min(POLL_EVERY_MS * 2 ** failures, POLL_BACKOFF_MAX_MS);
}

export class PollSchedule {
  readonly #poll: () => Promise<PollOutcome>;
  readonly #timer: PollTimer;
  readonly #visible: () => boolean;
  #handle: unknown;
  #failures = 0;
  #stopped = false;
  #polling = false;

  constructor(poll: () => Promise<PollOutcome>, timer: PollTimer, visible: () => boolean) {
    this.#poll = poll;
    this.#timer = timer;
    this.#visible = visible;
  }

  /** Starts the schedule after the page's own first load (which counts as the first poll). */
  start(): void {
    this.#arm();
  }

  /** The tab was shown or hidden: shown polls now (what changed while away), hidden cancels the timer. */
  visibilityChanged(): void {
    this.#cancel();
    if (this.#visible()) void this.#run();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  async #run(): Promise<void> {
    // One poll at a time: a tab shown while a poll is in flight waits for it, and it re-arms the timer.
    if (this.#stopped || this.#polling) return;
    this.#polling = true;
    const outcome = await this.#poll().catch((): PollOutcome => 'failed');
    this.#polling = false;
    if (outcome === 'signed-out') {
      this.#stopped = true;
      return;
    }
    this.#failures = outcome === 'failed' ? this.#failures + 1 : 0;
    this.#arm();
  }

  #arm(): void {
    this.#cancel();
    if (this.#stopped || !this.#visible()) return;
    this.#handle = this.#timer.set(() => {
      this.#handle = undefined;
      void this.#run();
    }, pollDelay(this.#failures));
  }

  #cancel(): void {
    if (this.#handle !== undefined) this.#timer.clear(this.#handle);
    this.#handle = undefined;
  }
}
