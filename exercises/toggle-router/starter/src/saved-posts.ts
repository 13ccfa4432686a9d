/**
 * The saved-posts endpoint (GET and POST /api/saved-posts) is being strangled: the legacy implementation
 * still serves everyone, and a rewrite is ready behind the same interface.
 *
 * - `list` is a read: no side effects, safe to run twice.
 * - `save` is a write: it stores the bookmark and notifies the post's author ("Ana saved your post").
 *   Running it twice notifies twice.
 */
export interface SavedPostsApi {
  list(userId: string): Promise<string[]>;
  save(userId: string, postId: string): Promise<void>;
}

export type RouteMode = 'legacy' | 'shadow' | 'new';

export interface RouteConfig {
  mode: RouteMode;
  /** In mode 'new': the share of users (0-100), by stable bucket, served by the new implementation. */
  newPercent: number;
}

/** What shadow mode reports when the new implementation disagrees with legacy, or fails. */
export interface ShadowMismatch {
  userId: string;
  legacy: string[];
  /** The new implementation's answer, or null when it failed. */
  next: string[] | null;
  error?: string;
}
