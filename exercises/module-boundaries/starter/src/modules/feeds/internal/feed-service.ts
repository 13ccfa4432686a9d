import type { ProfileSummary, ProfilesApi } from '../../profiles';
import { ThreadStore } from '../../messaging/internal/thread-store';
import { countUnread } from '../../messaging/internal/unread';
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
  // Feeds reads messaging's thread rows and applies messaging's unread rule itself. When messaging moves
  // threads to the new store, this breaks, and nothing in the build says so.
  threads: ThreadStore;
}

const PAGE_SIZE = 20;

export function createFeedService(deps: FeedDeps): FeedService {
  return {
    async homeFeed(userId) {
      const posts = await deps.posts.latestFor(userId, PAGE_SIZE);
      const authors = await deps.profiles.getSummaries([...new Set(posts.map((p) => p.authorId))]);
      const threads = await deps.threads.threadsFor(userId);
      return {
        items: posts.map((p) => ({ postId: p.id, text: p.text, author: authors.get(p.authorId) ?? null })),
        unreadMessages: countUnread(threads, userId),
      };
    },
  };
}
