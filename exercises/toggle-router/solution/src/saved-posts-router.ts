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
  function servedBy(userId: string): SavedPostsApi {
    const { mode, newPercent } = config();
    return mode === 'new' && bucketOf(userId) < newPercent ? next : legacy;
  }

  /** Runs the read on the new implementation on the side: never awaited, never thrown to the caller. */
  function shadowList(userId: string, served: string[]): void {
    const compare = (answer: string[]) => {
      if (answer.join('\n') !== served.join('\n')) report({ userId, legacy: served, next: answer });
    };
    const failed = (error: unknown) =>
      report({ userId, legacy: served, next: null, error: error instanceof Error ? error.message : String(error) });
    try {
      next.list(userId).then(compare, failed);
    } catch (error) {
      failed(error); // a new implementation that throws before returning a promise
    }
  }

  return {
    async list(userId) {
      if (config().mode !== 'shadow') return servedBy(userId).list(userId);
      const served = await legacy.list(userId);
      shadowList(userId, served);
      return served;
    },
    // A write has side effects (a stored bookmark, a notification to the author): it is never shadowed.
    save: (userId, postId) => servedBy(userId).save(userId, postId),
  };
}
