/** Public API of the feeds module: the only file other modules (and the app) may import. */
export type { FeedDeps, FeedItem, FeedService, HomeFeed } from './internal/feed-service';
export type { Post, PostStore } from './internal/post-store';
export { createFeedService } from './internal/feed-service';
