import { describe, expect, it } from 'vitest';
import { bucketOf } from '../src/bucket';
import { FakeSavedPosts, settle } from '../src/fake-saved-posts';
import type { RouteConfig, SavedPostsApi, ShadowMismatch } from '../src/saved-posts';
import { createSavedPostsRouter } from '../src/saved-posts-router';

function setup(initial: RouteConfig) {
  let config = initial;
  const legacy = new FakeSavedPosts('legacy').seed('ana', ['p1', 'p2']);
  const next = new FakeSavedPosts('next').seed('ana', ['p1', 'p2']);
  const mismatches: ShadowMismatch[] = [];
  const build = (newImpl: SavedPostsApi = next) =>
    createSavedPostsRouter(legacy, newImpl, () => config, (m) => mismatches.push(m));
  return { legacy, next, mismatches, build, setConfig: (c: RouteConfig) => (config = c) };
}

/** Resolves to 'timed out' if the call has not answered within 500 ms. */
function within500ms<T>(call: Promise<T>): Promise<T | 'timed out'> {
  return Promise.race([call, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), 500))]);
}

describe('legacy mode', () => {
  it('sends reads and writes to legacy only', async () => {
    const { legacy, next, build } = setup({ mode: 'legacy', newPercent: 100 });
    const router = build();
    await router.list('ana');
    await router.save('ana', 'p3');

    expect(legacy.calls).toEqual(['list ana', 'save ana p3']);
    expect(next.calls, 'newPercent only applies in mode "new"').toEqual([]);
  });
});

describe('shadow mode', () => {
  it("answers with legacy's list even when the new implementation disagrees, and reports the difference", async () => {
    const { next, mismatches, build } = setup({ mode: 'shadow', newPercent: 0 });
    next.seed('ana', ['p2', 'p1', 'p9']);
    const answer = await build().list('ana');
    await settle();

    expect(answer, "the caller must get legacy's answer").toEqual(['p1', 'p2']);
    expect(mismatches).toEqual([{ userId: 'ana', legacy: ['p1', 'p2'], next: ['p2', 'p1', 'p9'] }]);
  });

  it('reports nothing when both implementations agree', async () => {
    const { next, mismatches, build } = setup({ mode: 'shadow', newPercent: 0 });
    await build().list('ana');
    await settle();

    expect(next.calls).toEqual(['list ana']);
    expect(mismatches).toEqual([]);
  });

  it('answers the caller normally when the new implementation fails, and reports the failure', async () => {
    const { next, mismatches, build } = setup({ mode: 'shadow', newPercent: 0 });
    next.failWith('ranking table missing');
    const answer = await within500ms(build().list('ana'));
    await settle();

    expect(answer).toEqual(['p1', 'p2']);
    expect(mismatches).toEqual([{ userId: 'ana', legacy: ['p1', 'p2'], next: null, error: 'ranking table missing' }]);
  });

  it('does not make the caller wait for a new implementation that hangs', async () => {
    const { next, build } = setup({ mode: 'shadow', newPercent: 0 });
    next.hang();

    expect(await within500ms(build().list('ana')), "the caller waited on the shadow call").toEqual(['p1', 'p2']);
  });

  it('answers the caller when the new implementation throws before returning a promise', async () => {
    const { mismatches, build } = setup({ mode: 'shadow', newPercent: 0 });
    const broken: SavedPostsApi = {
      list: () => {
        throw new Error('not wired up');
      },
      save: async () => {},
    };
    const answer = await within500ms(build(broken).list('ana').catch((e: Error) => `threw: ${e.message}`));
    await settle();

    expect(answer).toEqual(['p1', 'p2']);
    expect(mismatches).toMatchObject([{ userId: 'ana', next: null, error: 'not wired up' }]);
  });

  it('never runs a write on the new implementation, so the author is notified once', async () => {
    const { legacy, next, build } = setup({ mode: 'shadow', newPercent: 100 });
    await build().save('ana', 'p3');
    await settle();

    expect(legacy.calls).toEqual(['save ana p3']);
    expect(next.calls, 'a shadowed save stores the bookmark and notifies the author a second time').toEqual([]);
  });

  it("passes legacy's failure to the caller: legacy is still the source of truth", async () => {
    const { legacy, build } = setup({ mode: 'shadow', newPercent: 0 });
    legacy.failWith('legacy database down');

    await expect(build().list('ana')).rejects.toThrow('legacy database down');
  });
});

describe('new mode', () => {
  const users = Array.from({ length: 200 }, (_, i) => `user-${i}`);

  it('at 30%, serves exactly the users whose bucket is below 30 from the new implementation, reads and writes', async () => {
    const { legacy, next, build } = setup({ mode: 'new', newPercent: 30 });
    const router = build();
    for (const user of users) {
      await router.list(user);
      await router.save(user, 'p1');
    }

    const expectedNew = users.filter((u) => bucketOf(u) < 30);
    const servedNew = [...new Set(next.calls.map((c) => c.split(' ')[1]))];
    expect(servedNew.sort()).toEqual(expectedNew.sort());
    expect(legacy.calls.length + next.calls.length, 'each call must go to exactly one implementation').toBe(400);
    expect(next.calls.filter((c) => c.startsWith('save')).length).toBe(expectedNew.length);
  });

  it('keeps each user on the same side on every request', async () => {
    const { next, build } = setup({ mode: 'new', newPercent: 50 });
    const router = build();
    for (let round = 0; round < 3; round++) for (const user of users.slice(0, 20)) await router.list(user);

    const perUser = new Map<string, number>();
    for (const call of next.calls) perUser.set(call, (perUser.get(call) ?? 0) + 1);
    expect([...perUser.values()].every((n) => n === 3), 'a user switched between implementations').toBe(true);
  });

  it('at 0%, serves everyone from legacy', async () => {
    const { next, build } = setup({ mode: 'new', newPercent: 0 });
    const router = build();
    for (const user of users.slice(0, 50)) await router.list(user);

    expect(next.calls).toEqual([]);
  });
});

describe('the toggle', () => {
  it('is read on every request, so traffic moves and rolls back without rebuilding the router', async () => {
    const { legacy, next, build, setConfig } = setup({ mode: 'legacy', newPercent: 0 });
    const router = build();

    await router.list('ana');
    setConfig({ mode: 'new', newPercent: 100 });
    await router.list('ana');
    setConfig({ mode: 'legacy', newPercent: 100 });
    await router.list('ana');

    expect(legacy.calls).toEqual(['list ana', 'list ana']);
    expect(next.calls).toEqual(['list ana']);
  });
});
