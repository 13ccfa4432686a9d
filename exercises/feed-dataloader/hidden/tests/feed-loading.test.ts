import { describe, expect, it } from 'vitest';
import { createContext } from '../src/context';
import { executeHomeFeed } from '../src/execute-feed';
import { FakeDatabase } from '../src/fake-db';
import { createLoader } from '../src/loader';

/** 7 authors who are friends with 'friend' but not with 'stranger'; 50 posts, newest first is p49 by u0. */
function seededDatabase(): FakeDatabase {
  const db = new FakeDatabase();
  for (let u = 0; u < 7; u++) db.addProfile(`u${u}`, `User ${u}`, { friends: ['friend'] });
  db.addProfile('friend', 'A Friend');
  db.addProfile('stranger', 'A Stranger');
  for (let p = 0; p < 50; p++) db.addPost(`p${p}`, `u${p % 7}`);
  return db;
}

const profileQueries = (db: FakeDatabase) => db.queries.filter((q) => q.sql === 'profilesByIds');

describe('one request for the home feed', () => {
  it('takes at most 2 database queries for a 50-item feed', async () => {
    const db = seededDatabase();
    const feed = await executeHomeFeed(createContext(db, 'friend'));

    expect(feed, 'the feed should still have 50 items').toHaveLength(50);
    expect(db.queries.length, `queries issued: ${db.queries.map((q) => q.sql).join(', ')}`).toBeLessThanOrEqual(2);
  });

  it('asks the database for each of the 7 authors once, not once per post', async () => {
    const db = seededDatabase();
    await executeHomeFeed(createContext(db, 'friend'));

    const askedFor = profileQueries(db).flatMap((q) => q.ids);
    expect([...askedFor].sort(), 'ids sent to profilesByIds (duplicates mean the batch was not deduplicated)').toEqual([
      'u0', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6',
    ]);
  });

  it('shows every post with its own author, although the database returns rows in its own order', async () => {
    const db = seededDatabase();
    const feed = await executeHomeFeed(createContext(db, 'friend'));

    const wrong = feed.filter((item) => item.author?.id !== `u${Number(item.id.slice(1)) % 7}`);
    expect(wrong.map((item) => `${item.id} shown with author ${item.author?.id ?? 'null'}`)).toEqual([]);
    expect(feed[0].author).toEqual({ id: 'u0', displayName: 'User 0', avatarUrl: 'https://cdn.example/avatars/u0.png' });
  });

  it('shows a post whose author no longer exists with a null author, and the other posts with theirs', async () => {
    const db = seededDatabase();
    db.addPost('orphan', 'deleted-user');
    const feed = await executeHomeFeed(createContext(db, 'friend'), 10);

    expect(feed[0]).toMatchObject({ id: 'orphan', author: null });
    expect(feed[1].author?.id).toBe('u0');
  });

  it('does not fetch an author again when the same request needs it a second time', async () => {
    const db = seededDatabase();
    const ctx = createContext(db, 'friend');
    await executeHomeFeed(ctx);
    await executeHomeFeed(ctx, 20);

    expect(profileQueries(db), 'profile queries within one request').toHaveLength(1);
  });

  it('fails the request when the profile query fails, instead of hanging it', async () => {
    const db = seededDatabase();
    db.profilesByIds = async () => {
      throw new Error('connection reset');
    };
    const outcome = await Promise.race([
      executeHomeFeed(createContext(db, 'friend')).then(
        () => 'resolved',
        (error: Error) => `rejected: ${error.message}`,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still pending after 1 s'), 1000)),
    ]);

    expect(outcome).toBe('rejected: connection reset');
  });
});

describe('separate requests', () => {
  it('show a profile renamed between two requests by the same user with its new name', async () => {
    const db = seededDatabase();
    const before = await executeHomeFeed(createContext(db, 'friend'));
    db.renameProfile('u0', 'User Zero');
    const after = await executeHomeFeed(createContext(db, 'friend'));

    expect(before[0].author?.displayName).toBe('User 0');
    expect(after[0].author?.displayName, 'a cache outlived its request: the second request saw the old name').toBe('User Zero');
  });

  it('never show a stranger the avatar that a friend of the author loaded first', async () => {
    const db = seededDatabase();
    const friendsFeed = await executeHomeFeed(createContext(db, 'friend'));
    const strangersFeed = await executeHomeFeed(createContext(db, 'stranger'));

    expect(friendsFeed[0].author?.avatarUrl).toBe('https://cdn.example/avatars/u0.png');
    expect(strangersFeed[0].author?.avatarUrl, "the stranger was served the friend's cached profile").toBeNull();
  });

  it('keep two users apart when their requests run at the same time', async () => {
    const db = seededDatabase();
    const [strangersFeed, friendsFeed] = await Promise.all([
      executeHomeFeed(createContext(db, 'stranger')),
      executeHomeFeed(createContext(db, 'friend')),
    ]);

    expect(strangersFeed.every((item) => item.author?.avatarUrl === null), 'stranger must see no avatars').toBe(true);
    expect(friendsFeed.every((item) => item.author?.avatarUrl !== null), 'friend must see every avatar').toBe(true);
    expect(profileQueries(db).map((q) => q.viewerId).sort()).toEqual(['friend', 'stranger']);
  });
});

describe('createLoader', () => {
  it('sends keys requested in the same tick as one batch, each key once, and answers each caller', async () => {
    const batches: string[][] = [];
    const loader = createLoader(async (keys: readonly string[]) => {
      batches.push([...keys]);
      return keys.map((key) => key.toUpperCase());
    });

    const results = await Promise.all([loader.load('a'), loader.load('b'), loader.load('a')]);

    expect(results).toEqual(['A', 'B', 'A']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('sends a later tick only its own new keys', async () => {
    const batches: string[][] = [];
    const loader = createLoader(async (keys: readonly string[]) => {
      batches.push([...keys]);
      return keys.map((key) => key.toUpperCase());
    });

    await Promise.all([loader.load('a'), loader.load('b')]);
    expect(await Promise.all([loader.load('c'), loader.load('a')])).toEqual(['C', 'A']);

    expect(batches, 'the second batch re-sent keys the first one already answered').toEqual([['a', 'b'], ['c']]);
  });

  it('asks again for a key whose batch failed, instead of replaying the failure', async () => {
    let calls = 0;
    const loader = createLoader(async (keys: readonly string[]) => {
      calls++;
      if (calls === 1) throw new Error('connection reset');
      return keys.map((key) => key.toUpperCase());
    });

    await expect(loader.load('a')).rejects.toThrow('connection reset');
    expect(await loader.load('a'), 'a failed load stayed in the cache, so the retry got the old error').toBe('A');
    expect(calls).toBe(2);
  });
});
