import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useBrowser } from './browser.ts';
import { freePort } from '../unit/server/server-process.ts';

/**
 * The first-run path on a real `npm run serve` with a fresh data directory: the owner creates their
 * account and a cohort, invites, and a second browser accepts the invitation and signs in. The build is
 * the one `npm test` made (CRAFTPATH_SKIP_BUILD=1 keeps serve from rebuilding it mid-test).
 */
const { newPage, url } = useBrowser();
let server: ChildProcess | undefined;
let base = '';
let dataDir = '';
let output = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'craftpath-serve-'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn('npm', ['run', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      CRAFTPATH_ORIGIN: base,
      CRAFTPATH_DATA_DIR: dataDir,
      CRAFTPATH_SKIP_BUILD: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm run serve exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm run serve did not answer:\n${output}`);
    const ok = await fetch(`${base}/api/session`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
});

afterAll(() => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('team server, first run in the browser', () => {
  it('static hosting shows no team link; the team server does', async () => {
    const page = await newPage();
    await page.goto(url('/'));
    await page.waitForLoadState('networkidle');
    await expect(page.locator('[data-team-link]').isHidden()).resolves.toBe(true);
    await page.goto(`${base}/`);
    await page.locator('[data-team-link]').waitFor({ state: 'visible' });
  });

  it('owner sets up, creates a cohort and invites; a second browser joins and signs in', async () => {
    const owner = await newPage();
    await owner.goto(`${base}/team/`);
    const setup = owner.locator('[data-create-owner]');
    await setup.waitFor({ state: 'visible' });
    await setup.getByLabel('Your name').fill('Ada Owner');
    await setup.getByLabel('Email').fill('ada@example.com');
    await setup.getByLabel('Password').fill('correct horse battery');
    await setup.getByRole('button').click();
    await owner.getByText('You own this team.').waitFor();

    const cohortForm = owner.locator('[data-new-cohort]');
    await cohortForm.getByLabel('Cohort name').fill('Spring backend');
    await cohortForm.getByRole('button').click();
    const cohort = owner.locator('[data-cohort="Spring backend"]');
    await cohort.waitFor();
    await cohort.locator('[data-invite] button').click();
    const linkInput = cohort.locator('[data-invite-link]');
    await linkInput.waitFor({ state: 'visible' });
    const link = await linkInput.inputValue();
    expect(link).toMatch(new RegExp(`^${base}/team/join/#[A-Za-z0-9_-]{20,}$`));

    const learner = await newPage();
    await learner.goto(link);
    await learner.getByText('You are invited to Spring backend as learner.').waitFor();
    const join = learner.locator('[data-join-sign-up]');
    await join.getByLabel('Your name').fill('Lin Learner');
    await join.getByLabel('Email').fill('lin@example.com');
    await join.getByLabel('Password').fill('another good secret');
    await join.getByRole('button').click();
    await learner.waitForURL(`${base}/team/`);
    await learner.getByText('Signed in as Lin Learner (lin@example.com).').waitFor();
    await learner.locator('[data-cohort="Spring backend"]').getByText('Role: learner').waitFor();

    await learner.locator('[data-sign-out]').click();
    const signIn = learner.locator('[data-sign-in]');
    await signIn.waitFor({ state: 'visible' });
    await signIn.getByLabel('Email').fill('lin@example.com');
    await signIn.getByLabel('Password').fill('another good secret');
    await signIn.getByRole('button').click();
    await learner.getByText('Signed in as Lin Learner (lin@example.com).').waitFor();

    await owner.reload();
    await owner
      .locator('[data-cohort="Spring backend"] [data-members]')
      .getByText('Lin Learner (lin@example.com), learner')
      .waitFor();
  });
});
