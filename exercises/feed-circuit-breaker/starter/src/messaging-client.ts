/** The messaging service, over the network. It can answer, fail, or hang without ever answering. */
export interface MessagingClient {
  /**
   * Unread conversations for a user. `signal` aborts the request; a hung server may not notice, so the
   * caller must not rely on the promise ever settling.
   */
  unreadCount(userId: string, signal?: AbortSignal): Promise<number>;
}

export interface FeedItem {
  id: string;
  text: string;
}

/** The feed's own posts, from the local database: fast and not part of this exercise. */
export interface PostSource {
  latest(userId: string): Promise<FeedItem[]>;
}
