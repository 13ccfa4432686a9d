import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, signUp, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

/** Bad input gets a 4xx naming the field, and the database is exactly as before. */
describe.each(TEST_DATABASES)('bad input on $name', (database) => {
  let h: Harness;
  let owner: Client;
  const snapshot = async () =>
    JSON.stringify(
      await Promise.all([
        h.store.db.selectFrom('cohort').selectAll().orderBy('id').execute(),
        h.store.db.selectFrom('user').select(['id', 'email']).orderBy('id').execute(),
        h.store.db.selectFrom('synced_record').selectAll().orderBy('name').execute(),
      ]),
    );

  beforeAll(async () => {
    h = await startHarness(database);
    owner = h.client();
    await signUp(owner, 'owner@example.com');
  });
  afterAll(async () => h.close());

  const cases: [string, string, string, unknown, number, string | undefined][] = [
    ['wrong type', 'POST', '/api/cohorts', { name: 42 }, 400, 'name'],
    ['unknown field', 'POST', '/api/cohorts', { name: 'A', admin: true }, 400, 'admin'],
    ['path-like name', 'POST', '/api/cohorts', { name: '../../etc/passwd' }, 400, 'name'],
    ['control character', 'POST', '/api/cohorts', { name: 'a\u0000b' }, 400, 'name'],
    ['bad domain', 'POST', '/api/cohorts', { name: 'A', autoJoinDomain: 'not a domain' }, 400, 'autoJoinDomain'],
    ['missing field', 'POST', '/api/accounts', { email: 'x@example.com', password: 'long enough pw' }, 400, 'name'],
    [
      'short password',
      'POST',
      '/api/accounts',
      { name: 'x', email: 'x@example.com', password: 'short' },
      400,
      'password',
    ],
    [
      'nested wrong type',
      'POST',
      '/api/sync',
      { progress: { version: 1, exercises: { a: { status: 'done' } } }, work: {} },
      400,
      'progress.exercises.a.status',
    ],
    ['path-like id', 'GET', '/api/cohorts/..%2F..%2Fadmin/members', undefined, 400, 'id'],
  ];

  it.each(cases)('%s: %s %s', async (_name, method, path, body, status, field) => {
    const before = await snapshot();
    const res = await owner.json<{ error: string; field?: string }>(method, path, body);
    expect(res.status).toBe(status);
    expect(res.body.field).toBe(field);
    expect(res.body.error).toContain(field ?? '');
    expect(await snapshot()).toBe(before);
  });

  it('refuses an oversized body with 413 before reading it as JSON', async () => {
    const before = await snapshot();
    const res = await owner.request('POST', '/api/cohorts', JSON.stringify({ name: 'x'.repeat(20_000) }));
    expect(res.status).toBe(413);
    const sync = await owner.request(
      'POST',
      '/api/sync',
      JSON.stringify({ progress: { version: 1, exercises: {} }, work: { big: 'x'.repeat(3 * 1024 * 1024) } }),
    );
    expect(sync.status).toBe(413);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a body that is not UTF-8, or not JSON, or not sent as JSON', async () => {
    const before = await snapshot();
    const latin1 = new Uint8Array([0x7b, 0x22, 0x6e, 0x61, 0x6d, 0x65, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]); // {"name":"é"} in Latin-1
    const notUtf8 = await owner.request('POST', '/api/cohorts', latin1);
    expect(notUtf8.status).toBe(400);
    expect(((await notUtf8.json()) as { error: string }).error).toMatch(/UTF-8/);
    expect((await owner.request('POST', '/api/cohorts', '{"name":')).status).toBe(400);
    expect(
      (await owner.request('POST', '/api/cohorts', 'name=A', { 'content-type': 'application/x-www-form-urlencoded' }))
        .status,
    ).toBe(415);
    expect(await snapshot()).toBe(before);
  });
});
