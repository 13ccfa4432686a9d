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

/**
 * One feed instance per process. On Friday messaging hung, every feed request waited on it, and the home
 * page went down for forty minutes because of a badge.
 */
export function createFeed(deps: FeedDeps, policy: FeedPolicy = FEED_POLICY): Feed {
  return {
    async homeFeed(userId) {
      const [items, unreadMessages] = await Promise.all([
        deps.posts.latest(userId),
        deps.messaging.unreadCount(userId),
      ]);
      return { items, unreadMessages, degraded: false };
    },
  };
}
