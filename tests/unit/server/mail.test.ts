import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mailConfigFromEnv } from '../../../src/server/mail/mail-config.ts';
import { smtpMailer } from '../../../src/server/mail/mailer.ts';
import { PASSWORD, signIn, signUp, startHarness, tokenOf, type Client, type Harness } from './harness.ts';
import { bodyOf, startSmtpSink } from './smtp-sink.ts';
import { TEST_DATABASES } from './stores.ts';

const SMTP_USER = 'craftpath';
const SMTP_PASS = 'smtp-pa55word';

describe('mail settings from the environment', () => {
  it('is off with neither variable, so no mail server is assumed', () => {
    expect(mailConfigFromEnv({})).toBeUndefined();
  });

  it('stops on a half setting, naming the missing variable', () => {
    expect(() => mailConfigFromEnv({ CRAFTPATH_SMTP_URL: 'smtp://mail.example.com' })).toThrow(/CRAFTPATH_MAIL_FROM/);
    expect(() => mailConfigFromEnv({ CRAFTPATH_MAIL_FROM: 'learn@example.com' })).toThrow(/CRAFTPATH_SMTP_URL/);
  });

  it('refuses a URL that is not SMTP without echoing its password', () => {
    const attempt = () =>
      mailConfigFromEnv({ CRAFTPATH_SMTP_URL: 'https://u:hunter22@mail.example.com', CRAFTPATH_MAIL_FROM: 'a@b.c' });
    expect(attempt).toThrow(/CRAFTPATH_SMTP_URL must start with smtp:\/\/ or smtps:\/\//);
    expect(attempt).not.toThrow(/hunter22/);
  });

  it('shows the server as host:port with the default submission ports, never the credentials', () => {
    const from = 'Craftpath <learn@example.com>';
    expect(
      mailConfigFromEnv({ CRAFTPATH_SMTP_URL: 'smtp://u:p@mail.example.com', CRAFTPATH_MAIL_FROM: from }),
    ).toMatchObject({ server: 'mail.example.com:587', from });
    expect(
      mailConfigFromEnv({ CRAFTPATH_SMTP_URL: 'smtps://mail.example.com', CRAFTPATH_MAIL_FROM: from })?.server,
    ).toBe('mail.example.com:465');
  });
});

const [database] = TEST_DATABASES;
if (!database) throw new Error('no test database');

/** The mail settings a test server uses: a real SMTP URL with credentials, parsed as the server parses it. */
function mailerFor(port: number) {
  const config = mailConfigFromEnv({
    CRAFTPATH_SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    CRAFTPATH_MAIL_FROM: 'Craftpath <learn@example.com>',
  });
  if (!config) throw new Error('mail settings were not read');
  return smtpMailer(config);
}

describe('password reset links by mail', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let h: Harness;
  let owner: Client;
  let learnerId: string;
  beforeAll(async () => {
    sink = await startSmtpSink({ user: SMTP_USER, pass: SMTP_PASS });
    h = await startHarness(database, undefined, { mailer: mailerFor(sink.port) });
    owner = h.client();
    await signUp(owner, 'ada@example.com');
    const cohort = await owner.json<{ id: string }>('POST', '/api/cohorts', { name: 'Backend' });
    const invite = await owner.json<{ url: string }>('POST', `/api/cohorts/${cohort.body.id}/invitations`, {
      role: 'learner',
      expiresInDays: 7,
      maxUses: 1,
    });
    learnerId = (await signUp(h.client(), 'lin@example.com', tokenOf(invite.body.url))).body.id;
  });
  afterAll(async () => {
    await h.close();
    await sink.stop();
  });

  it('mails the link to the account’s address, and the link in the mail sets the password', async () => {
    const link = await owner.json<{ url: string; mail?: { sent: boolean; to?: string } }>(
      'POST',
      `/api/users/${learnerId}/password-reset-links`,
    );
    expect(link).toMatchObject({ status: 201, body: { mail: { sent: true, to: 'lin@example.com' } } });
    expect(sink.received).toHaveLength(1);
    const [mail] = sink.received;
    expect(mail).toMatchObject({ from: 'learn@example.com', to: ['lin@example.com'], user: SMTP_USER });
    expect(mail?.raw).toMatch(/^Subject: Your Craftpath password reset link/m);
    const body = bodyOf(mail?.raw ?? '');
    const mailed = /https?:\/\/\S+\/team\/reset\/#\S+/.exec(body)?.[0];
    expect(mailed).toBe(link.body.url);
    const reset = await h
      .client()
      .json('POST', '/api/password-reset', { token: tokenOf(mailed ?? ''), password: 'mailed new secret' });
    expect(reset.status).toBe(200);
    expect((await signIn(h.client(), 'lin@example.com', 'mailed new secret')).status).toBe(200);
    expect((await signIn(h.client(), 'lin@example.com', PASSWORD)).status).toBe(401);
  });

  it('tells owners on the admin page which server mails, without its credentials', async () => {
    const info = await owner.json<{ mail: { enabled: boolean; server?: string } }>('GET', '/api/admin');
    expect(info.body.mail).toEqual({ enabled: true, server: `127.0.0.1:${sink.port}` });
    expect(JSON.stringify(info.body)).not.toContain(SMTP_PASS);
  });
});

describe('a mail server that is down', () => {
  let h: Harness;
  const errors: string[] = [];
  beforeAll(async () => {
    // A port that was listening a moment ago and is now closed: connection refused.
    const gone = await startSmtpSink({ user: SMTP_USER, pass: SMTP_PASS });
    await gone.stop();
    h = await startHarness(database, undefined, { mailer: mailerFor(gone.port) });
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.join(' ')));
  });
  afterEach(() => vi.clearAllMocks());
  afterAll(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  it('still hands the owner a working link and says it was not mailed; the log names no password', async () => {
    const owner = h.client();
    const founder = await signUp(owner, 'ada@example.com');
    const link = await owner.json<{ url: string; mail?: { sent: boolean; reason?: string } }>(
      'POST',
      `/api/users/${founder.body.id}/password-reset-links`,
    );
    expect(link.status).toBe(201);
    expect(link.body.mail).toMatchObject({ sent: false, reason: expect.stringMatching(/did not take it/) });
    expect(link.body.url).toMatch(/\/team\/reset\/#/);
    const reset = await h.client().json('POST', '/api/password-reset', {
      token: tokenOf(link.body.url),
      password: 'typed by hand now',
    });
    expect(reset.status).toBe(200);
    expect(errors.join('\n')).toMatch(/not sent via 127\.0\.0\.1/);
    expect(errors.join('\n')).not.toContain(SMTP_PASS);
  });
});
