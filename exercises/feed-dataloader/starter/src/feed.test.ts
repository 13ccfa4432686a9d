import { describe, expect, it } from 'vitest';
import { createContext } from './context';
import { executeHomeFeed } from './execute-feed';
import { FakeDatabase } from './fake-db';

function seededDatabase(): FakeDatabase {
  const db = new FakeDatabase();
  for (let u = 0; u < 7; u++) db.addProfile(`u${u}`, `User ${u}`, { friends: ['viewer'] });
  db.addProfile('viewer', 'The Viewer');
  for (let p = 0; p < 50; p++) db.addPost(`p${p}`, `u${p % 7}`);
  return db;
}

describe('the home feed', () => {
  it('shows each post with its author', async () => {
    const db = seededDatabase();
    const feed = await executeHomeFeed(createContext(db, 'viewer'));

    expect(feed).toHaveLength(50);
    expect(feed[0]).toMatchObject({ id: 'p49', author: { id: 'u0', displayName: 'User 0' } });
  });

  it('takes at most 2 queries for 50 posts', async () => {
    const db = seededDatabase();
    await executeHomeFeed(createContext(db, 'viewer'));

    // 1 for the page of posts + 1 batched lookup of their authors.
    expect(db.queries.map((q) => q.sql)).toEqual(['recentPosts', 'profilesByIds']);
  });
});
