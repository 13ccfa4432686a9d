import { describe, expect, it } from 'vitest';
import { FakeSavedPosts, settle } from './fake-saved-posts';
import type { RouteConfig, ShadowMismatch } from './saved-posts';
import { createSavedPostsRouter } from './saved-posts-router';

function setup(config: RouteConfig) {
  const legacy = new FakeSavedPosts('legacy').seed('ana', ['p1', 'p2']);
  const next = new FakeSavedPosts('next').seed('ana', ['p1', 'p2']);
  const mismatches: ShadowMismatch[] = [];
  const router = createSavedPostsRouter(legacy, next, () => config, (m) => mismatches.push(m));
  return { legacy, next, mismatches, router };
}

describe('saved-posts router', () => {
  it('in legacy mode, sends reads and writes to legacy only', async () => {
    const { legacy, next, router } = setup({ mode: 'legacy', newPercent: 0 });

    expect(await router.list('ana')).toEqual(['p1', 'p2']);
    await router.save('ana', 'p3');

    expect(legacy.calls).toEqual(['list ana', 'save ana p3']);
    expect(next.calls).toEqual([]);
  });

  it('in shadow mode, answers from legacy and also runs the read on the new implementation', async () => {
    const { legacy, next, router } = setup({ mode: 'shadow', newPercent: 0 });

    expect(await router.list('ana')).toEqual(['p1', 'p2']);
    await settle();

    expect(legacy.calls).toEqual(['list ana']);
    expect(next.calls).toEqual(['list ana']);
  });

  it('in new mode at 100%, sends reads and writes to the new implementation', async () => {
    const { legacy, next, router } = setup({ mode: 'new', newPercent: 100 });

    await router.list('ana');
    await router.save('ana', 'p3');

    expect(next.calls).toEqual(['list ana', 'save ana p3']);
    expect(legacy.calls).toEqual([]);
  });
});
