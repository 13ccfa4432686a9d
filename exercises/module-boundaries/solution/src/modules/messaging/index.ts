/**
 * Public API of the messaging module: the only file other modules may import.
 * How threads are stored and what counts as unread stay in ./internal/.
 */
import type { ThreadStore } from './internal/thread-store';
import { countUnread } from './internal/unread';

export interface MessagingApi {
  /** The number of conversations with news for this user, by messaging's current rule. */
  unreadCount(userId: string): Promise<number>;
}

export function createMessagingApi(store: ThreadStore): MessagingApi {
  return {
    async unreadCount(userId) {
      return countUnread(await store.threadsFor(userId), userId);
    },
  };
}
