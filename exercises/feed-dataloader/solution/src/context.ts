import type { FakeDatabase, ProfileRow } from './fake-db';
import { createLoader, type Loader } from './loader';

/** Everything a resolver may use while serving one HTTP request. */
export interface Context {
  viewerId: string;
  db: FakeDatabase;
  loaders: {
    profileById: Loader<string, ProfileRow | null>;
  };
}

/**
 * Called by the HTTP layer once for every incoming GraphQL request. The loaders are built here, so
 * their caches live exactly as long as the request and only ever hold what this viewer may see.
 */
export function createContext(db: FakeDatabase, viewerId: string): Context {
  return {
    viewerId,
    db,
    loaders: {
      profileById: createLoader(async (ids) => {
        const rows = await db.profilesByIds(viewerId, ids);
        const byId = new Map(rows.map((row) => [row.id, row]));
        // One result per key, in key order; rows come back in storage order with missing ids absent.
        return ids.map((id) => byId.get(id) ?? null);
      }),
    },
  };
}
