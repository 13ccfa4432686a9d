import type { MessagingApi } from '../../messaging';
import type { ProfileSummary, ProfilesApi } from '../../profiles';
import type { PostStore } from './post-store';

export interface FeedItem {
  postId: string;
  text: string;
  author: ProfileSummary | null;
}

export interface HomeFeed {
  items: FeedItem[];
  /** The badge on the messages icon. */
  unreadMessages: number;
}

export interface FeedService {
  homeFeed(userId: string): Promise<HomeFeed>;
}

export interface FeedDeps {
  posts: PostStore;
  profiles: ProfilesApi;
  // Only messaging's public API: how threads are stored and what "unread" means stay messaging's secrets.
  messaging: MessagingApi;
}

const PAGE_SIZE = 20;

export function createFeedService(deps: FeedDeps): FeedService {
  return {
    async homeFeed(userId) {
      const posts = await deps.posts.latestFor(userId, PAGE_SIZE);
      const [authors, unreadMessages] = await Promise.all([
        deps.profiles.getSummaries([...new Set(posts.map((p) => p.authorId))]),
        deps.messaging.unreadCount(userId),
      ]);
      return {
        items: posts.map((p) => ({ postId: p.id, text: p.text, author: authors.get(p.authorId) ?? null })),
        unreadMessages,
      };
    },
  };
}
