import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mailConfigFromEnv } from '../../../src/server/mail/mail-config.ts';
import { smtpMailer, type Mailer } from '../../../src/server/mail/mailer.ts';
import { notify } from '../../../src/server/review/notify.ts';
import { notificationListSchema } from '../../../src/shared-api/review-api.ts';
import { ORIGIN, signUp, startHarness, tokenOf, type Client, type Harness } from './harness.ts';
import { bodyOf, startSmtpSink } from './smtp-sink.ts';
import { TEST_DATABASES } from './stores.ts';

const SMTP_USER = 'craftpath';
const SMTP_PASS = 'smtp-pa55word';

function mailerFor(port: number, pass = SMTP_PASS): Mailer {
  const config = mailConfigFromEnv({
    CRAFTPATH_SMTP_URL: `smtp://${SMTP_USER}:${pass}@127.0.0.1:${port}`,
    CRAFTPATH_MAIL_FROM: 'Craftpath <learn@example.com>',
  });
  if (!config) throw new Error('mail settings were not read');
  return smtpMailer(config);
}

/** The owner and one learner of a cohort, each signed in with their own cookie jar. */
async function twoPeople(h: Harness) {
  const owner = h.client();
  const ownerId = (await signUp(owner, 'ada@example.com')).body.id;
  const cohort = await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' });
  const invite = await owner.json<{ url: string }>('POST', `/api/cohorts/${cohort.body.id}/invitations`, {
    role: 'learner',
    expiresInDays: 7,
    maxUses: 1,
  });
  const learner = h.client();
  const learnerId = (await signUp(learner, 'lin@example.com', tokenOf(invite.body.url))).body.id;
  return { owner, ownerId, learner, learnerId, cohortId: cohort.body.id };
}

/** The learner submits lint-gate and the owner comments on line 1 through the thread route: 201, or the status. */
async function commentOnSubmission(people: Awaited<ReturnType<typeof twoPeople>>): Promise<number> {
  const assignment = await people.owner.json<{ id: string }>('POST', `/api/cohorts/${people.cohortId}/assignments`, {
    exercises: ['lint-gate'],
    mode: 'practice',
    dueAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  const submission = await people.learner.json<{ id: string }>(
    'POST',
    `/api/assignments/${assignment.body.id}/submissions`,
    { exercise: 'lint-gate', files: { 'src/checkout.ts': 'export const total = 0;\n' } },
  );
  const thread = await people.owner.json('POST', `/api/submissions/${submission.body.id}/threads`, {
    file: 'src/checkout.ts',
    lines: { startLine: 1, endLine: 1 },
    label: 'question',
    body: 'Why zero?',
  });
  return thread.status;
}

async function list(client: Client) {
  const res = await client.json('GET', '/api/notifications');
  expect(res.status).toBe(200);
  return notificationListSchema.parse(res.body);
}

describe.each(TEST_DATABASES)('notifications on $name', (database) => {
  let h: Harness;
  let people: Awaited<ReturnType<typeof twoPeople>>;
  beforeAll(async () => {
    h = await startHarness(database);
    people = await twoPeople(h);
    const deps = { store: h.store, mailer: undefined, origin: ORIGIN };
    await notify(deps, { userId: people.learnerId, kind: 'comment', summary: 'Ada commented on line 12', link: '/a' });
    await notify(deps, { userId: people.learnerId, kind: 'decision', summary: 'Ada requested changes', link: '/b' });
    await notify(deps, { userId: people.ownerId, kind: 'reply', summary: 'Lin replied', link: '/review' });
    // Two notifications within one millisecond would tie: give the later one a later time.
    await h.store.db
      .updateTable('notification')
      .set({ created_at: new Date(Date.now() + 1_000).toISOString() })
      .where('kind', '=', 'decision')
      .execute();
  });
  afterAll(() => h.close());

  it('lists only the caller’s own, newest first, with the unread count', async () => {
    const mine = await list(people.learner);
    expect(mine.unread).toBe(2);
    expect(mine.notifications.map((n) => n.summary)).toEqual(['Ada requested changes', 'Ada commented on line 12']);
    expect(mine.notifications.every((n) => !n.read)).toBe(true);
    const owners = await list(people.owner);
    expect(owners.notifications.map((n) => n.summary)).toEqual(['Lin replied']);
  });

  it('marks read only the caller’s: another user’s id is ignored and stays unread for them', async () => {
    const ownersId = (await list(people.owner)).notifications[0]?.id;
    const first = (await list(people.learner)).notifications[1]?.id;
    const res = await people.learner.json('POST', '/api/notifications/read', { ids: [first, ownersId] });
    expect(res.status).toBe(200);
    const after = notificationListSchema.parse(res.body);
    expect(after.unread).toBe(1);
    expect(after.notifications.find((n) => n.id === first)?.read).toBe(true);
    expect((await list(people.owner)).unread).toBe(1);
  });

  it('marks every one read when no ids are given', async () => {
    const res = await people.learner.json('POST', '/api/notifications/read', {});
    expect(notificationListSchema.parse(res.body)).toMatchObject({ unread: 0 });
    expect((await list(people.learner)).notifications.every((n) => n.read)).toBe(true);
    expect((await list(people.owner)).unread).toBe(1);
  });

  it('refuses a body that is not the shape, and strangers', async () => {
    expect((await people.learner.json('POST', '/api/notifications/read', { ids: 'all' })).status).toBe(400);
    expect((await h.client().json('GET', '/api/notifications')).status).toBe(401);
  });
});

describe.each(TEST_DATABASES)('notifications by mail on $name', (database) => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink({ user: SMTP_USER, pass: SMTP_PASS });
  });
  afterAll(() => sink.stop());

  it('mails a mentor’s comment to the learner, with the summary and an absolute link, when SMTP is configured', async () => {
    const h = await startHarness(database, undefined, { mailer: mailerFor(sink.port) });
    try {
      const people = await twoPeople(h);
      const before = sink.received.length;
      expect(await commentOnSubmission(people)).toBe(201);
      const mail = sink.received.slice(before).find((m) => m.to.includes('lin@example.com'));
      const [note] = (await list(people.learner)).notifications;
      expect(note).toBeDefined();
      expect(mail?.user).toBe(SMTP_USER);
      // A long Subject is folded over lines (RFC 5322): unfold it to read it as the mail client shows it.
      expect(mail?.raw.replace(/\r\n[ \t]+/g, ' ')).toContain(`Subject: Craftpath: ${note?.summary ?? ''}`);
      expect(bodyOf(mail?.raw ?? '')).toContain(new URL(note?.link ?? '', ORIGIN).href);
    } finally {
      await h.close();
    }
  });

  it('answers the mentor’s comment with 201 and keeps the in-site notification when the mail server refuses', async () => {
    // Wrong credentials: the real SMTP server refuses to take the message.
    const h = await startHarness(database, undefined, { mailer: mailerFor(sink.port, 'wrong-password') });
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
    try {
      const people = await twoPeople(h);
      const before = sink.received.length;
      expect(await commentOnSubmission(people)).toBe(201);
      expect(sink.received.length).toBe(before);
      expect(await list(people.learner)).toMatchObject({ unread: 1, notifications: [{ read: false }] });
      expect(errors.join('\n')).toMatch(/not sent via 127\.0\.0\.1/);
      expect(errors.join('\n')).not.toContain('wrong-password');
    } finally {
      spy.mockRestore();
      await h.close();
    }
  });
});
