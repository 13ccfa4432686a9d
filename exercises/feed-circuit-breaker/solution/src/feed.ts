import { Bulkhead } from './bulkhead';
import { CircuitBreaker } from './circuit-breaker';
import { FEED_POLICY, type FeedPolicy } from './policy';
import type { FeedItem, MessagingClient, PostSource } from './messaging-client';

export interface FeedResponse {
  items: FeedItem[];
  /** The unread-messages badge; null when messaging could not answer in time. */
  unreadMessages: number | null;
  /** True when part of the page is missing, so the client can say "messages unavailable". */
  degraded: boolean;
}

export interface FeedDeps {
  messaging: MessagingClient;
  posts: PostSource;
}

export interface Feed {
  homeFeed(userId: string): Promise<FeedResponse>;
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * One feed instance per process, with its own breaker and bulkhead around messaging. A missing badge
 * degrades the page; it never delays or fails it.
 */
export function createFeed(deps: FeedDeps, policy: FeedPolicy = FEED_POLICY): Feed {
  const breaker = new CircuitBreaker(policy.failureThreshold, policy.resetAfterMs);
  const bulkhead = new Bulkhead(policy.maxConcurrentCalls);

  async function unreadCount(userId: string, deadline: number): Promise<number | null> {
    try {
      // The timeout sits inside the breaker (so a hang counts as a failure) and inside the bulkhead
      // (so a hung call gives its slot back when it times out).
      return await bulkhead.run(() =>
        breaker.call(() =>
          withTimeout(
            (signal) => deps.messaging.unreadCount(userId, signal),
            Math.min(deadline - Date.now(), policy.unreadTimeoutMs),
          ),
        ),
      );
    } catch {
      return null; // timeout, error, open breaker or full bulkhead: no badge, not no feed
    }
  }

  return {
    async homeFeed(userId) {
      const deadline = Date.now() + policy.budgetMs;
      const [items, unreadMessages] = await Promise.all([deps.posts.latest(userId), unreadCount(userId, deadline)]);
      return { items, unreadMessages, degraded: unreadMessages === null };
    },
  };
}

/**
 * Settles within `ms` whatever the work does, and aborts it then. setTimeout, not AbortSignal.timeout:
 * fake timers move the first, not the second.
 */
function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    if (ms <= 0) {
      reject(new TimeoutError('no budget left'));
      return;
    }
    const timer = setTimeout(() => {
      controller.abort();
      reject(new TimeoutError(`no answer within ${ms} ms`));
    }, ms);
    work(controller.signal).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
