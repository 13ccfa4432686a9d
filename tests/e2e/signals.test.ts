import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import type { Submission } from '../../src/shared-api/assignments-api.ts';
import { axe, describeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import { api, useTeamServer } from './team-serve.ts';

/**
 * A comment on a failure, in Chromium against a real `npm run serve` on a fresh database: two learners'
 * lint-gate revisions fail the same hidden test; the mentor explains that failure once from /team/signals/
 * and sees it reach both; the second learner finds it in the review list of their workbench (the learner
 * view of branch learner-feedback). A pass the mentor sent back is listed as a disagreement and downloads
 * as a fixture archive. axe finds nothing on /team/signals/ in either theme.
 */
const SLUG = 'lint-gate';
const LESSON = '/lessons/lint-for-bugs/';
const EXERCISES = fileURLToPath(new URL('../../exercises/', import.meta.url));
const { newPage } = useBrowser();
const serve = useTeamServer();

async function graded(page: Page, base: string, assignment: string, files: Record<string, string>) {
  const created = await api<Submission>(page, base, 'POST', `/api/assignments/${assignment}/submissions`, {
    exercise: SLUG,
    files,
  });
  for (const end = Date.now() + 120_000; Date.now() < end;) {
    const now = await api<Submission>(page, base, 'GET', `/api/submissions/${created.id}`);
    if (now.serverReports.length > 0) return now;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`revision ${created.id} was not graded`);
}

describe('a mentor’s comment on a failure', () => {
  it('reaches every learner with that failing test, and the disagreements export as fixtures', async () => {
    const base = serve.base();
    const { bundle } = await loadExercise(EXERCISES, SLUG);
    const solution = solutionFiles(bundle);
    const solved = {
      'eslint.config.js': solution['eslint.config.js'] ?? '',
      'src/checkout.ts': solution['src/checkout.ts'] ?? '',
    };
    // The right gate, checkout.ts as it starts: the coupon is never taken off, so the totals test fails.
    const failing = { ...solved, 'src/checkout.ts': bundle.starter['src/checkout.ts'] ?? '' };

    const owner = await newPage();
    await owner.goto(`${base}/`);
    await api(owner, base, 'POST', '/api/accounts', {
      name: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    const cohort = (await api<{ id: string }>(owner, base, 'POST', '/api/cohorts', { name: 'Spring backend' })).id;
    const joinAs = async (name: string, email: string, role: string) => {
      const invite = await api<{ url: string }>(owner, base, 'POST', `/api/cohorts/${cohort}/invitations`, {
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
        invitation: invite.url.split('#')[1],
      });
      return page;
    };
    const mentor = await joinAs('Mo Mentor', 'mo@example.com', 'mentor');
    const lin = await joinAs('Lin Learner', 'lin@example.com', 'learner');
    const sam = await joinAs('Sam Second', 'sam@example.com', 'learner');
    const assignment = (
      await api<{ id: string }>(mentor, base, 'POST', `/api/cohorts/${cohort}/assignments`, {
        exercises: [SLUG],
        mode: 'practice',
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      })
    ).id;

    // Lin's first revision passes, yet the mentor sends it back: a disagreement. Then both fail the same test.
    const passed = await graded(lin, base, assignment, {
      ...solved,
      'src/checkout.ts': `${solved['src/checkout.ts']}\nexport const DEBUG_TOTALS = true;\n`,
    });
    expect(passed.verdict).toBe('pass');
    await api(mentor, base, 'POST', `/api/submissions/${passed.id}/decision`, {
      decision: 'request_changes',
      body: 'Passes, but name the coupon rule.',
    });
    await graded(lin, base, assignment, failing);
    const samsRevision = await graded(sam, base, assignment, failing);
    const failedTest = samsRevision.serverReports[0]?.report.checks
      .find((c) => c.id === 'checkout-total')
      ?.tests?.find((t) => t.status === 'fail');
    if (!failedTest) throw new Error('the starter’s checkout.ts no longer fails a totals test');
    const failure = `checkout-total: ${[...failedTest.suite, failedTest.name].join(' > ')}`;

    // The mentor finds the failure in the cohort's table, with both learners counted, and explains it.
    await mentor.goto(`${base}/team/signals/?cohort=${cohort}`);
    const row = mentor.locator(`[data-signatures] tr[data-signature="${failure}"]`);
    await row.waitFor();
    await expect(row.locator('td.signals__count').textContent()).resolves.toBe('2');
    // Its name is the visible words, then which failure (hidden text), e.g. for a screen reader's button list.
    const comment = row.getByRole('button', { name: /^Comment on this failure/ });
    await expect(comment.textContent()).resolves.toBe(`Comment on this failure: ${failure}`);
    await comment.click();
    const composer = mentor.locator('[data-signature-composer]');
    await composer.getByLabel('Label').selectOption('issue');
    await composer
      .getByLabel(/Explanation/)
      .fill('`totalCents - coupon.amountCents` computes the total and **drops** it: assign it.');
    await composer.getByRole('button', { name: 'Post comment' }).click();
    await composer.locator('[data-status]').getByText('It reached 2 learners now').waitFor();
    const listed = mentor.locator('[data-signature-comments] [data-signature-comment]');
    await expect(listed.locator('[data-reach]').textContent()).resolves.toBe('reached 2 learners');

    // Sam, the second learner with that failing test, reads it in the workbench's review list.
    await sam.goto(`${base}${LESSON}`);
    const start = sam.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
    if (await start.count()) await start.click().catch(() => undefined);
    const feedback = sam.locator(`craftpath-assignment[data-slug="${SLUG}"] [data-feedback]`);
    await feedback.waitFor({ timeout: 60_000 });
    await feedback.locator('[data-feedback-toggle]').click();
    const note = feedback.locator('[data-signature-comment]');
    await note.waitFor();
    await expect(note.locator('code').first().textContent()).resolves.toBe(failure);
    await expect(note.locator('strong', { hasText: 'drops' }).count()).resolves.toBe(1);
    await sam.goto(`${base}/`);
    await sam.locator('[data-notifications][data-unread="1"]').waitFor();

    // The pass the mentor sent back is listed, and one click downloads it as a fixture archive.
    await mentor.reload();
    const disagreement = mentor.locator('[data-disagreement-list] tr[data-disagreement="changes-requested"]');
    await expect(disagreement.locator('th').textContent()).resolves.toBe('Lin Learner');
    await expect(disagreement.locator('a').textContent()).resolves.toBe(
      'Export as fixture: Lin Learner’s revision 1 of lint-gate',
    );
    const [download] = await Promise.all([
      mentor.waitForEvent('download'),
      disagreement.getByRole('link', { name: /^Export as fixture/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^lint-gate-passes-but-rejected-[0-9a-f]{8}\.tar$/);

    // axe on the whole page, table, composer and list included, in both themes.
    await mentor.locator(`[data-signatures] tr[data-signature="${failure}"] button`).click();
    await mentor.locator('[data-signature-composer]:not([hidden])').waitFor();
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await mentor.locator('[data-theme-toggle]').click();
      await expect(mentor.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(theme);
      const found = await axe(mentor);
      expect(found, `axe on /team/signals/ (${theme}):\n${describeViolations(found)}`).toEqual([]);
    }
  }, 300_000);
});
