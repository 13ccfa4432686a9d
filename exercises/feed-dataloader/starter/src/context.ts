import type { FakeDatabase } from './fake-db';

/** Everything a resolver may use while serving one HTTP request. */
export interface Context {
  viewerId: string;
  db: FakeDatabase;
}

/** Called by the HTTP layer once for every incoming GraphQL request. */
export function createContext(db: FakeDatabase, viewerId: string): Context {
  return { viewerId, db };
}
