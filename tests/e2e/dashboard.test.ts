import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, describeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import { api, startTeamServe, type TeamServe } from './team-serve.ts';

/**
 * The cohort dashboard on a real `npm run serve` with a fresh database and its in-process grader: a
 * learner submits lint-gate's failing starter three times, the server grades each, and the mentor's
 * dashboard shows them stuck (the default rule: three failing verdicts in a row) while a classmate who
 * has not started is not; both CSV layouts download with the expected columns and values; axe finds no
 * violations on the page in either theme. Serves CRAFTPATH_TEAM_DIST (a team-mode build) or dist/.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STARTER = readFileSync(new URL('../../exercises/lint-gate/starter/src/checkout.ts', import.meta.url), 'utf8');
const { newPage } = useBrowser();
let serve: TeamServe;
let mentor: Page;
let cohort = '';

beforeAll(async () => {
  serve = await startTeamServe(process.env['CRAFTPATH_TEAM_DIST'] ?? `${ROOT}dist`);
  const { base } = serve;
  const owner = await newPage();
  await owner.goto(`${base}/`);
  await api(owner, base, 'POST', '/api/accounts', {
    name: 'Ada',
    email: 'ada@example.com',
    password: 'correct horse battery',
  });
  cohort = (await api(owner, base, 'POST', '/api/cohorts', { name: 'Spring backend' }))['id'] as string;
  const joinAs = async (name: string, email: string, role: string) => {
    const link = await api(owner, base, 'POST', `/api/cohorts/${cohort}/invitations`, {
      role,
      expiresInDays: 1,
      maxUses: 1,
    });
    const page = await newPage();
    await page.goto(`${base}/`);
    await api(page, base, 'POST', '/api/accounts', {
      name,
      email,
      password: 'another good secret',
      invitation: String(link['url']).split('#')[1],
    });
    return page;
  };
  mentor = await joinAs('Mo Mentor', 'mo@example.com', 'mentor');
  const learner = await joinAs('Lin Learner', 'lin@example.com', 'learner');
  await joinAs('Ola Later', 'ola@example.com', 'learner');
  const assignment = (
    await api(mentor, base, 'POST', `/api/cohorts/${cohort}/assignments`, {
      exercises: ['lint-gate'],
      mode: 'assessed',
      dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    })
  )['id'] as string;
  for (let i = 0; i < 3; i++)
    await api(learner, base, 'POST', `/api/assignments/${assignment}/submissions`, {
      exercise: 'lint-gate',
      files: { 'src/checkout.ts': STARTER },
    });
  // The grader takes the three jobs one after another; wait until every revision has its verdict.
  const deadline = Date.now() + 180_000;
  for (;;) {
    const { submissions } = (await api(mentor, base, 'GET', `/api/assignments/${assignment}/submissions`)) as {
      submissions: { verdict: string | null }[];
    };
    if (submissions.length === 3 && submissions.every((s) => s.verdict !== null)) {
      expect(submissions.map((s) => s.verdict)).toEqual(['fail', 'fail', 'fail']);
      break;
    }
    if (Date.now() > deadline) throw new Error(`grading did not finish: ${JSON.stringify(submissions)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 300_000);

afterAll(() => serve?.stop());

async function openDashboard(): Promise<void> {
  await mentor.goto(`${serve.base}/team/dashboard/?cohort=${cohort}`);
  await mentor.locator('[data-dashboard-table]').waitFor();
}

describe('cohort dashboard on the team server, in the browser', () => {
  it('shows the learner with three failing verdicts as stuck, in text, and filters and sorts by keyboard', async () => {
    await openDashboard();
    const table = mentor.getByRole('table');
    await expect(table.locator('caption').textContent()).resolves.toMatch(/Spring backend: learners 1–2 of 2/);
    await expect(mentor.locator('[data-rule-sentence]').textContent()).resolves.toMatch(
      /Stuck means 3 failing server verdicts in a row .* \(the default/,
    );
    const lin = table.getByRole('row', { name: /Lin Learner/ });
    await expect(lin.getAttribute('class')).resolves.toBe('is-stuck');
    await expect(lin.textContent()).resolves.toMatch(
      /Stuck.*Submitted.*3 attempts.*Failing: lint-gate\/.*Stuck: failing again and again/,
    );
    // The cell opens the newest revision on the review page.
    await expect(lin.getByRole('link', { name: 'Review' }).getAttribute('href')).resolves.toMatch(
      /\/team\/review\/\?submission=[\w-]+$/,
    );
    const ola = table.getByRole('row', { name: /Ola Later/ });
    await expect(ola.textContent()).resolves.toMatch(/No.*Not started/);
    await expect(ola.getByRole('link', { name: 'Review' }).count()).resolves.toBe(0);

    // Stuck only, by keyboard: the classmate who has not started drops out.
    await mentor.getByLabel('Stuck only').focus();
    await mentor.keyboard.press('Space');
    await expect(table.locator('tbody tr').count()).resolves.toBe(1);
    await mentor.keyboard.press('Space');
    // Sort by the assignment's column: Enter on its header button; the header says how it is sorted.
    const header = table.getByRole('columnheader', { name: /lint-gate/ });
    await header.getByRole('button').focus();
    await mentor.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: /lint-gate/ }).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    );
    await expect(table.locator('tbody th').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^Ola Later/),
      expect.stringMatching(/^Lin Learner/),
    ]);
    await mentor.keyboard.press('Enter');
    await expect(table.getByRole('columnheader', { name: /lint-gate/ }).getAttribute('aria-sort')).resolves.toBe(
      'descending',
    );

    // The per-assignment view: the one graded learner first fails one check.
    await mentor.getByRole('button', { name: 'Show' }).click();
    const failures = mentor.locator('[data-first-failures] [data-exercise="lint-gate"]');
    await failures.waitFor();
    await expect(failures.textContent()).resolves.toMatch(/1 of 2 learners have a graded newest revision; 0 pass/);
    await expect(failures.locator('tbody tr').first().textContent()).resolves.toMatch(/1 of 2/);
  });

  it('downloads both CSV layouts with the expected columns and values', async () => {
    await openDashboard();
    const download = async (name: string) => {
      const [file] = await Promise.all([mentor.waitForEvent('download'), mentor.getByRole('link', { name }).click()]);
      const path = await file.path();
      const bytes = readFileSync(path);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      return { filename: file.suggestedFilename(), lines: bytes.subarray(3).toString('utf8').split('\r\n') };
    };
    const generic = await download('Download progress CSV');
    expect(generic.filename).toMatch(/^craftpath-spring-backend-\d{4}-\d{2}-\d{2}-generic\.csv$/);
    expect(generic.lines[0]).toBe(
      'learner,email,assignment,exercise,status,attempts,verdict,score,late,submitted_at,decision,stuck',
    );
    const lin = generic.lines.find((l) => l.startsWith('Lin Learner,'))?.split(',');
    expect(lin?.slice(0, 7)).toEqual([
      'Lin Learner',
      'lin@example.com',
      'lint-gate',
      'lint-gate',
      'submitted',
      '3',
      'fail',
    ]);
    expect(lin?.[7]).toMatch(/^\d+$/);
    expect(lin?.slice(8)).toEqual(['no', expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/), '', 'failing']);
    expect(generic.lines.find((l) => l.startsWith('Ola Later,'))).toBe(
      'Ola Later,ola@example.com,lint-gate,lint-gate,not-started,0,,,,,,',
    );

    const canvas = await download('Download Canvas gradebook CSV');
    expect(canvas.filename).toMatch(/-canvas\.csv$/);
    expect(canvas.lines).toEqual([
      'Student,SIS Login ID,Section,lint-gate',
      'Points Possible,,,1',
      'Lin Learner,lin@example.com,Spring backend,0',
      'Ola Later,ola@example.com,Spring backend,0',
      '',
    ]);
  });

  it.each(['light', 'dark'] as const)('has no axe violations in the %s theme', async (theme) => {
    await mentor.emulateMedia({ colorScheme: theme });
    await openDashboard();
    await expect(mentor.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(theme);
    await mentor.getByRole('button', { name: 'Show' }).click();
    await mentor.locator('[data-first-failures] table').waitFor();
    const found = await axe(mentor);
    expect(found, `axe on the dashboard (${theme}):\n${describeViolations(found)}`).toEqual([]);
  });
});
