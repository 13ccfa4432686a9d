import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFeed } from '../src/feed';
import { FEED_POLICY } from '../src/policy';

const { unreadTimeoutMs, failureThreshold, resetAfterMs, maxConcurrentCalls } = FEED_POLICY;
const ITEMS = [{ id: 'p1', text: 'Release notes for 4.2' }];

type Mode = { kind: 'hang' } | { kind: 'fail' } | { kind: 'answer'; count: number; afterMs: number };

/** A messaging service the test can make hang, fail or answer; it records every call it receives. */
function scriptedMessaging(initial: Mode) {
  let mode = initial;
  const calls: string[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  return {
    calls,
    /** The abort signal each call was given, so a test can see whether a given-up call was cancelled. */
    signals,
    set(next: Mode) {
      mode = next;
    },
    client: {
      unreadCount(userId: string, signal?: AbortSignal): Promise<number> {
        calls.push(userId);
        signals.push(signal);
        const now = mode;
        // A hung server ignores the abort signal, like a socket nobody answers.
        if (now.kind === 'hang') return new Promise<number>(() => {});
        if (now.kind === 'fail') return Promise.reject(new Error('messaging responded 503'));
        return new Promise<number>((resolve) => setTimeout(() => resolve(now.count), now.afterMs));
      },
    },
  };
}

const posts = { latest: async () => ITEMS };

/** Follows a promise without awaiting it, so a test can ask "has it answered yet?" at a given fake time. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

function setup(initial: Mode, policy = FEED_POLICY) {
  const messaging = scriptedMessaging(initial);
  const feed = createFeed({ messaging: messaging.client, posts }, policy);
  return { messaging, feed };
}

/** Sends `n` feed requests one after another while messaging hangs, each timing out. */
async function failSequentially(feed: ReturnType<typeof setup>['feed'], n: number) {
  for (let i = 0; i < n; i++) {
    const response = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(unreadTimeoutMs);
    expect(response.settled, `request ${i + 1} should have answered within ${unreadTimeoutMs} ms`).toBe(true);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the home feed while messaging hangs', () => {
  it('answers within the badge timeout with the items and no badge', async () => {
    const { feed } = setup({ kind: 'hang' });

    const response = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(unreadTimeoutMs);

    expect(response.settled, `the feed should answer within ${unreadTimeoutMs} ms even though messaging never does`).toBe(true);
    expect(response.error, 'a missing badge must not fail the whole feed').toBeUndefined();
    expect(response.value).toEqual({ items: ITEMS, unreadMessages: null, degraded: true });
  });

  it('shows the badge when messaging answers in time', async () => {
    const { feed } = setup({ kind: 'answer', count: 3, afterMs: 40 });

    const response = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(40);

    expect(response.value).toEqual({ items: ITEMS, unreadMessages: 3, degraded: false });
  });

  it('degrades instead of failing when messaging returns an error', async () => {
    const { feed } = setup({ kind: 'fail' });

    const response = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(0);

    expect(response.error, 'a messaging error must not fail the whole feed').toBeUndefined();
    expect(response.value).toEqual({ items: ITEMS, unreadMessages: null, degraded: true });
  });
});

describe('the timeout', () => {
  it('never waits past what is left of the request budget', async () => {
    const { feed } = setup({ kind: 'hang' }, { ...FEED_POLICY, budgetMs: 60 });

    const response = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(60);

    expect(response.settled, 'the badge timeout must be the smaller of unreadTimeoutMs and the budget left').toBe(true);
  });

  it('aborts the call it gave up on, so the request does not stay open', async () => {
    const { feed, messaging } = setup({ kind: 'hang' });

    track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(unreadTimeoutMs);

    expect(messaging.signals[0]?.aborted, 'pass an AbortSignal to messaging and abort it at the timeout').toBe(true);
  });
});

describe('the circuit breaker around messaging', () => {
  it('does not open on failures that are not consecutive', async () => {
    const { feed, messaging } = setup({ kind: 'fail' });
    const request = async () => {
      track(feed.homeFeed('ana'));
      await vi.advanceTimersByTimeAsync(0);
    };
    for (let i = 0; i < failureThreshold - 1; i++) await request();
    messaging.set({ kind: 'answer', count: 1, afterMs: 0 });
    await request();
    messaging.set({ kind: 'fail' });
    for (let i = 0; i < failureThreshold - 1; i++) await request();
    messaging.set({ kind: 'answer', count: 2, afterMs: 0 });

    const response = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(0);

    expect(response.value?.unreadMessages, 'a success resets the count: the breaker opened on failures spread over time').toBe(2);
    expect(messaging.calls).toHaveLength(2 * failureThreshold);
  });


  it(`stops calling messaging after ${failureThreshold} timeouts in a row, and answers at once`, async () => {
    const { messaging, feed } = setup({ kind: 'hang' });
    await failSequentially(feed, failureThreshold);
    expect(messaging.calls).toHaveLength(failureThreshold);

    const later = [track(feed.homeFeed('ana')), track(feed.homeFeed('ben')), track(feed.homeFeed('cy'))];
    await vi.advanceTimersByTimeAsync(0);

    expect(messaging.calls.length, 'an open breaker must not call messaging (timeouts count as failures)').toBe(failureThreshold);
    expect(later.every((r) => r.settled), 'with the breaker open the feed should answer without waiting').toBe(true);
    expect(later.map((r) => r.value?.degraded)).toEqual([true, true, true]);
  });

  it('lets exactly one probe through after the reset interval while the others fail fast', async () => {
    const { messaging, feed } = setup({ kind: 'hang' });
    await failSequentially(feed, failureThreshold);
    await vi.advanceTimersByTimeAsync(resetAfterMs + 1);

    const burst = Array.from({ length: 5 }, () => track(feed.homeFeed('ana')));
    await vi.advanceTimersByTimeAsync(0);

    expect(messaging.calls.length - failureThreshold, 'half-open should send one probe, not the whole burst').toBe(1);
    expect(burst.filter((r) => r.settled), 'the four requests behind the probe should answer at once, degraded').toHaveLength(4);
  });

  it('closes again when the probe succeeds', async () => {
    const { messaging, feed } = setup({ kind: 'hang' });
    await failSequentially(feed, failureThreshold);
    await vi.advanceTimersByTimeAsync(resetAfterMs + 1);
    messaging.set({ kind: 'answer', count: 2, afterMs: 10 });

    const probe = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(10);
    expect(probe.value?.unreadMessages, 'the probe found messaging healthy, so its answer should be shown').toBe(2);

    const after = [track(feed.homeFeed('ana')), track(feed.homeFeed('ben'))];
    await vi.advanceTimersByTimeAsync(10);
    expect(messaging.calls.length - failureThreshold, 'a closed breaker lets every call through').toBe(3);
    expect(after.map((r) => r.value?.unreadMessages)).toEqual([2, 2]);
  });

  it('opens for another full interval when the probe fails', async () => {
    const { messaging, feed } = setup({ kind: 'hang' });
    await failSequentially(feed, failureThreshold);
    await vi.advanceTimersByTimeAsync(resetAfterMs + 1);

    track(feed.homeFeed('ana')); // the probe, which times out
    await vi.advanceTimersByTimeAsync(unreadTimeoutMs);
    expect(messaging.calls).toHaveLength(failureThreshold + 1);

    track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(resetAfterMs - 1000);
    track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(0);
    expect(messaging.calls.length, 'after a failed probe the breaker should stay open for resetAfterMs').toBe(failureThreshold + 1);

    await vi.advanceTimersByTimeAsync(1001);
    track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(0);
    expect(messaging.calls.length, 'after another interval, the next request should be a new probe').toBe(failureThreshold + 2);
  });
});

describe('the bulkhead around messaging', () => {
  it(`has at most ${maxConcurrentCalls} messaging calls in flight and answers the rest at once`, async () => {
    const { messaging, feed } = setup({ kind: 'hang' });

    const burst = Array.from({ length: maxConcurrentCalls + 5 }, (_, i) => track(feed.homeFeed(`user-${i}`)));
    await vi.advanceTimersByTimeAsync(0);

    expect(messaging.calls.length, `only ${maxConcurrentCalls} calls may wait on messaging at once`).toBe(maxConcurrentCalls);
    expect(burst.filter((r) => r.settled), 'requests over the limit should be answered at once, not queued').toHaveLength(5);

    await vi.advanceTimersByTimeAsync(unreadTimeoutMs);
    expect(burst.every((r) => r.settled && r.value?.degraded)).toBe(true);
  });

  it('gives slots back when calls finish', async () => {
    const { messaging, feed } = setup({ kind: 'answer', count: 1, afterMs: 30 });

    Array.from({ length: maxConcurrentCalls }, () => track(feed.homeFeed('ana')));
    await vi.advanceTimersByTimeAsync(30);
    const second = Array.from({ length: maxConcurrentCalls }, () => track(feed.homeFeed('ana')));
    await vi.advanceTimersByTimeAsync(30);

    expect(messaging.calls).toHaveLength(2 * maxConcurrentCalls);
    expect(second.every((r) => r.value?.unreadMessages === 1)).toBe(true);
  });

  it('shows the badge again once messaging recovers from a hang', async () => {
    const { messaging, feed } = setup({ kind: 'hang' });
    Array.from({ length: maxConcurrentCalls }, () => track(feed.homeFeed('ana')));
    await vi.advanceTimersByTimeAsync(unreadTimeoutMs);
    messaging.set({ kind: 'answer', count: 4, afterMs: 10 });
    await vi.advanceTimersByTimeAsync(resetAfterMs + 1);

    const first = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(10);
    const second = track(feed.homeFeed('ana'));
    await vi.advanceTimersByTimeAsync(10);

    expect(
      [first.value?.unreadMessages, second.value?.unreadMessages],
      'messaging is healthy again but the feed did not use it: does a timed-out call still hold a bulkhead slot?',
    ).toEqual([4, 4]);
  });
});
