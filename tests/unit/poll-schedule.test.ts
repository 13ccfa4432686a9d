import { describe, expect, it } from 'vitest';
import {
  POLL_BACKOFF_MAX_MS,
  POLL_EVERY_MS,
  PollSchedule,
  type PollOutcome,
  type PollTimer,
} from '../../src/ui/team/poll-schedule.ts';

/** A timer the test fires by hand: what is pending, and after how long, is what the schedule decided. */
class HandTimer implements PollTimer {
  pending = new Map<number, { run: () => void; ms: number }>();
  #next = 0;
  set(run: () => void, ms: number): number {
    this.pending.set(++this.#next, { run, ms });
    return this.#next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.ms);
  }
  async fire(): Promise<void> {
    const [first] = this.pending.entries();
    if (!first) throw new Error('nothing is scheduled');
    const [handle, entry] = first;
    this.pending.delete(handle);
    entry.run();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function setUp(outcomes: PollOutcome[] = []) {
  const timer = new HandTimer();
  const tab = { visible: true };
  let polls = 0;
  const schedule = new PollSchedule(
    () => Promise.resolve(outcomes[polls++] ?? 'ok'),
    timer,
    () => tab.visible,
  );
  return { timer, tab, schedule, polls: () => polls };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the notification poll schedule', () => {
  it('polls every minute while the tab is visible', async () => {
    const { timer, schedule, polls } = setUp();
    schedule.start();
    expect(timer.delays()).toEqual([POLL_EVERY_MS]);
    await timer.fire();
    await timer.fire();
    expect(polls()).toBe(2);
    expect(timer.delays()).toEqual([POLL_EVERY_MS]);
  });

  it('does not poll while hidden, and refreshes at once when the tab is shown again', async () => {
    const { timer, tab, schedule, polls } = setUp();
    schedule.start();
    tab.visible = false;
    schedule.visibilityChanged();
    expect(timer.delays()).toEqual([]);
    tab.visible = true;
    schedule.visibilityChanged();
    await settle();
    expect(polls()).toBe(1);
    expect(timer.delays()).toEqual([POLL_EVERY_MS]);
  });

  it('asks a failing server less and less often, and every minute again once it answers', async () => {
    const { timer, schedule } = setUp(['failed', 'failed', 'failed', 'failed', 'failed', 'ok']);
    schedule.start();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      await timer.fire();
      seen.push(...timer.delays());
    }
    expect(seen).toEqual([
      2 * POLL_EVERY_MS,
      4 * POLL_EVERY_MS,
      8 * POLL_EVERY_MS,
      POLL_BACKOFF_MAX_MS,
      POLL_BACKOFF_MAX_MS,
      POLL_EVERY_MS,
    ]);
  });

  it('stops for good once the session has ended, even when the tab is shown again', async () => {
    const { timer, schedule, polls } = setUp(['signed-out']);
    schedule.start();
    await timer.fire();
    expect(schedule.stopped).toBe(true);
    expect(timer.delays()).toEqual([]);
    schedule.visibilityChanged();
    await settle();
    expect(polls()).toBe(1);
  });
});
