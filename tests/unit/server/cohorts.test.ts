import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, signUp, tokenOf, type Client, type Harness } from './harness.ts';
import { TEST_DATABASES } from './stores.ts';

describe.each(TEST_DATABASES)('cohorts and invitations on $name', (database) => {
  let h: Harness;
  let owner: Client;
  let cohortA: string;
  let cohortB: string;
  const invite = async (cohort: string, body: Record<string, unknown>) =>
    owner.json<{ url: string; invitation: { id: string } }>('POST', `/api/cohorts/${cohort}/invitations`, {
      role: 'learner',
      expiresInDays: 7,
      maxUses: 1,
      ...body,
    });

  beforeAll(async () => {
    h = await startHarness(database);
    owner = h.client();
    await signUp(owner, 'owner@example.com');
    cohortA = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'A' })).body.id;
    cohortB = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'B' })).body.id;
  });
  afterAll(async () => h.close());

  it('shows a mentor only the cohorts they mentor, and their members', async () => {
    const mentor = h.client();
    await signUp(mentor, 'mentor@example.com', tokenOf((await invite(cohortA, { role: 'mentor' })).body.url));
    const learner = h.client();
    await signUp(learner, 'lea@example.com', tokenOf((await invite(cohortB, {})).body.url));
    const list = await mentor.json<{ cohorts: { id: string; role: string }[] }>('GET', '/api/cohorts');
    expect(list.body.cohorts).toEqual([expect.objectContaining({ id: cohortA, role: 'mentor' })]);
    expect((await mentor.json('GET', `/api/cohorts/${cohortB}/members`)).status).toBe(404);
    const members = await mentor.json<{ members: { email: string }[] }>('GET', `/api/cohorts/${cohortA}/members`);
    expect(members.body.members.map((m) => m.email)).toEqual(['mentor@example.com']);
    expect((await owner.json<{ cohorts: unknown[] }>('GET', '/api/cohorts')).body.cohorts).toHaveLength(2);
  });

  it('lets an invitation be used as often as its limit allows, and not after it expires', async () => {
    const link = tokenOf((await invite(cohortA, { maxUses: 2 })).body.url);
    expect((await signUp(h.client(), 'one@example.com', link)).status).toBe(201);
    expect((await signUp(h.client(), 'two@example.com', link)).status).toBe(201);
    const third = await signUp(h.client(), 'three@example.com', link);
    expect(third).toMatchObject({ status: 410, body: { field: 'invitation' } });
    expect(await h.store.db.selectFrom('user').select('id').where('email', '=', 'three@example.com').execute()).toEqual(
      [],
    );

    const expiring = await invite(cohortA, {});
    await h.store.db
      .updateTable('invitation')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expiring.body.invitation.id)
      .execute();
    expect((await signUp(h.client(), 'late@example.com', tokenOf(expiring.body.url))).body).toMatchObject({
      error: 'This invitation link has expired.',
    });
  });

  it('restricts an invitation to its email domain', async () => {
    const link = tokenOf((await invite(cohortA, { emailDomain: 'acme.test', maxUses: 5 })).body.url);
    const outsider = await signUp(h.client(), 'x@other.test', link);
    expect(outsider).toMatchObject({ status: 403, body: { field: 'email' } });
    expect((await signUp(h.client(), 'y@acme.test', link)).status).toBe(201);
  });

  it('auto-joins new accounts of a cohort’s email domain as learners, without a link', async () => {
    expect((await owner.json('PATCH', `/api/cohorts/${cohortB}`, { autoJoinDomain: 'Globex.Test' })).status).toBe(200);
    const client = h.client();
    expect((await signUp(client, 'hank@globex.test')).body).toMatchObject({ via: 'domain' });
    const session = await client.json<{ user: { cohorts: { id: string; role: string }[] } }>('GET', '/api/session');
    expect(session.body.user.cohorts).toEqual([expect.objectContaining({ id: cohortB, role: 'learner' })]);
  });

  it('deleting a cohort removes its memberships and invitations, not the accounts', async () => {
    const doomed = (await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Doomed' })).body.id;
    const learner = h.client();
    await signUp(learner, 'dee@example.com', tokenOf((await invite(doomed, { maxUses: 3 })).body.url));
    expect((await owner.json('DELETE', `/api/cohorts/${doomed}`)).status).toBe(200);
    expect(await h.store.db.selectFrom('membership').selectAll().where('cohort_id', '=', doomed).execute()).toEqual([]);
    expect(await h.store.db.selectFrom('invitation').selectAll().where('cohort_id', '=', doomed).execute()).toEqual([]);
    expect((await learner.json<{ user: { cohorts: unknown[] } }>('GET', '/api/session')).body.user.cohorts).toEqual([]);
  });
});
