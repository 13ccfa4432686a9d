import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../src/runtime/storage/key-value.ts';
import { ProgressStore } from '../../../src/runtime/storage/progress.ts';
import { SavedWork } from '../../../src/runtime/storage/saved-work.ts';
import { syncWithServer } from '../../../src/runtime/sync/sync-client.ts';
import { startHarness, signUp, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

/** The browser's sync client (runtime, no DOM) against the real server app, over Hono's fetch interface. */
describe('the browser sync client against the server', () => {
  let h: Harness;
  let owner: Client;
  let online = true;
  const through = (client: Client) => (input: string, init: RequestInit) => {
    if (!online) return Promise.reject(new TypeError('Failed to fetch'));
    return client.request(init.method ?? 'GET', input, init.body as string);
  };
  const browser = (at: string) => {
    const storage = memoryStorage();
    const now = () => new Date(at);
    return {
      storage,
      progress: new ProgressStore(storage, () => {}, now),
      work: new SavedWork(storage, () => {}, now),
    };
  };

  beforeAll(async () => {
    const sqlite = TEST_DATABASES[0];
    if (!sqlite) throw new Error('no embedded database');
    h = await startHarness(sqlite);
    owner = h.client();
    await signUp(owner, 'owner@example.com');
  });
  afterAll(async () => h.close());

  it('keeps offline work, uploads it later, and brings it to a second browser', async () => {
    const laptop = browser('2026-11-01T10:00:00.000Z');
    laptop.work.save('refund', { 'src/refund.ts': 'offline edit' });
    laptop.progress.recordRun('refund', { verdict: 'pass' });
    online = false;
    expect((await syncWithServer(laptop.storage, laptop.progress, through(owner))).kind).toBe('offline');
    expect(laptop.work.load('refund')).toEqual({ 'src/refund.ts': 'offline edit' });
    online = true;
    expect(await syncWithServer(laptop.storage, laptop.progress, through(owner))).toEqual({
      kind: 'synced',
      downloaded: false,
    });
    const held = await owner.json<{ work: Record<string, { files: object }> }>('GET', '/api/sync');
    expect(held.body.work['refund']?.files).toEqual({ 'src/refund.ts': 'offline edit' });

    const desktop = browser('2026-11-02T10:00:00.000Z');
    desktop.work.save('cache', { 'src/cache.ts': 'desktop work' });
    expect(await syncWithServer(desktop.storage, desktop.progress, through(owner))).toMatchObject({
      kind: 'synced',
      downloaded: true,
    });
    expect(desktop.work.load('refund')).toEqual({ 'src/refund.ts': 'offline edit' });
    expect(desktop.work.load('cache')).toEqual({ 'src/cache.ts': 'desktop work' });
    expect(desktop.progress.stateOf('refund')).toBe('passed');
  });

  it('reports signed-out and changes nothing when there is no session', async () => {
    const stranger = browser('2026-11-03T10:00:00.000Z');
    stranger.work.save('x', { 'a.ts': 'mine' });
    const result = await syncWithServer(stranger.storage, stranger.progress, through(h.client()));
    expect(result.kind).toBe('signed-out');
    expect(stranger.work.load('x')).toEqual({ 'a.ts': 'mine' });
  });
});
