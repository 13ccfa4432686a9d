import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axe, describeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import { api as teamApi, ROOT, useTeamServer } from './team-serve.ts';

/**
 * Mentor review in real Chromium on `npm run serve` with a fresh database, mentor and learner in two
 * browser contexts: the mentor finds the submission in the inbox (the header counts it), comments on line
 * 12, the learner resubmits with lines added above it (through the API: the learner's workbench view of
 * threads is another branch), the mentor finds the comment re-anchored on the new revision, approval is
 * refused while it blocks, then granted, and the inbox count drops. axe checks both pages in both themes.
 */
const { newPage } = useBrowser();
const team = useTeamServer();
const api = (page: Page, method: string, path: string, data?: unknown) =>
  teamApi(page, team.base(), method, path, data);
const STARTER = readFileSync(join(ROOT, 'exercises/lint-gate/starter/src/checkout.ts'), 'utf8');
const LINE_12 = "  if (coupon?.kind === 'percent') {";

const browserReport = {
  version: 1,
  exercise: 'lint-gate',
  engine: 'worker',
  startedAt: new Date().toISOString(),
  durationMs: 12,
  verdict: 'fail',
  checks: [
    { id: 'gate', kind: 'lint', title: 'The gate', status: 'fail', summary: '1 bug not flagged', durationMs: 8 },
  ],
};

async function noViolations(page: Page, where: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    // The header's toggle, as a reader switches: the page and Monaco follow it without a reload.
    if ((await page.evaluate(() => document.documentElement.dataset['theme'])) !== theme)
      await page.locator('[data-theme-toggle]').click();
    await expect(page.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(theme);
    // Every impact, minor included: the issue asks for no violations on these pages.
    const found = await axe(page);
    expect(found, `axe on ${where} (${theme}):\n${describeViolations(found)}`).toEqual([]);
  }
}

describe('mentor review on the team server, in the browser', () => {
  it('comments on line 12, follows the code to the next revision, and approves once nothing blocks', async () => {
    const base = team.base();
    const owner = await newPage();
    await owner.goto(`${base}/`);
    await api(owner, 'POST', '/api/accounts', {
      name: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    const cohort = (await api(owner, 'POST', '/api/cohorts', { name: 'Spring backend' }))['id'] as string;
    const joinAs = async (name: string, email: string, role: string) => {
      const url = (
        await api(owner, 'POST', `/api/cohorts/${cohort}/invitations`, { role, expiresInDays: 1, maxUses: 1 })
      )['url'] as string;
      const page = await newPage();
      await page.goto(`${base}/`);
      await api(page, 'POST', '/api/accounts', {
        name,
        email,
        password: 'another good secret',
        invitation: url.split('#')[1],
      });
      return page;
    };
    const mentor = await joinAs('Mo Mentor', 'mo@example.com', 'mentor');
    const learner = await joinAs('Lin Learner', 'lin@example.com', 'learner');
    const assignment = (
      await api(mentor, 'POST', `/api/cohorts/${cohort}/assignments`, {
        exercises: ['lint-gate'],
        mode: 'assessed',
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      })
    )['id'] as string;
    const submit = async (code: string) =>
      (
        await api(learner, 'POST', `/api/assignments/${assignment}/submissions`, {
          exercise: 'lint-gate',
          files: { 'src/checkout.ts': code, 'eslint.config.js': 'export default [];\n' },
          browserReport,
        })
      )['id'] as string;
    const first = await submit(STARTER);

    // The inbox lists it, and the header counts it for the mentor.
    await mentor.goto(`${base}/team/inbox/`);
    const row = mentor.locator(`[data-inbox-item="${first}"]`);
    await row.waitFor();
    await expect(row.locator('th').textContent()).resolves.toBe('Lin Learner');
    await mentor.locator('[data-inbox-link] a[aria-label="Review inbox, 1 waiting"]').waitFor();
    await expect(mentor.locator('[data-inbox-count]').textContent()).resolves.toBe('1');
    await noViolations(mentor, 'the inbox');
    await row.getByRole('link', { name: /Review/ }).click();

    // The review page: the revision in Monaco, both reports in the learner's results view.
    await mentor.waitForURL(/\/team\/review\/\?submission=/);
    await mentor.locator('[data-review-editor] .monaco-diff-editor').waitFor({ timeout: 60_000 });
    await expect(mentor.locator('[data-review-title]').textContent()).resolves.toBe(
      'Lin Learner: lint-gate, revision 1',
    );
    await expect(
      mentor.locator('[data-review-reports] [data-verdict]').first().getAttribute('data-verdict'),
    ).resolves.toBe('fail');
    await mentor.locator('#review-file').selectOption('src/checkout.ts');

    // A click in the gutter at line 12 points the composer at it.
    await mentor.locator('[data-review-editor] .editor.modified .line-numbers', { hasText: /^12$/ }).click();
    const composer = mentor.locator('[data-composer]');
    await expect(composer.getByLabel('From line').inputValue()).resolves.toBe('12');
    await composer.getByLabel('Label').selectOption('issue');
    await composer.getByLabel(/Blocking/).check();
    await composer
      .getByLabel('Comment (Markdown)')
      .fill('The **percent** branch rounds; what about <script>x</script>?');
    await composer.getByRole('button', { name: 'Add comment' }).click();
    const thread = mentor.locator('[data-thread]');
    await thread.waitFor();
    await expect(thread.getAttribute('data-line')).resolves.toBe('12');
    await expect(thread.locator('.review-markdown strong').textContent()).resolves.toBe('percent');
    await expect(thread.locator('.review-markdown script').count()).resolves.toBe(0);
    await mentor.locator('[data-review-editor] .review-line--blocking').first().waitFor();
    await noViolations(mentor, 'the review page');

    // The learner adds three lines above it and resubmits.
    const lines = STARTER.split('\n');
    expect(lines[11]).toBe(LINE_12);
    const second = await submit(
      [...lines.slice(0, 9), '// One coupon at most.', '// Cents throughout.', '', ...lines.slice(9)].join('\n'),
    );

    // The inbox now points at the new revision; the comment sits on line 15 there.
    await mentor.goto(`${base}/team/inbox/`);
    await mentor
      .locator(`[data-inbox-item="${second}"]`)
      .getByRole('link', { name: /Review/ })
      .click();
    await mentor.locator('[data-review-editor] .monaco-diff-editor').waitFor({ timeout: 60_000 });
    // Switchable diffs: the learner's lint config differs from the starter's but not from revision 1.
    const changedLines = mentor.locator('[data-review-editor] .line-insert, [data-review-editor] .line-delete');
    await mentor.locator('#review-file').selectOption('eslint.config.js');
    await changedLines.first().waitFor();
    await mentor.locator('#review-base').selectOption('previous');
    await expect.poll(() => changedLines.count()).toBe(0);
    await mentor.locator('#review-file').selectOption('src/checkout.ts');
    await changedLines.first().waitFor();
    const moved = mentor.locator('[data-thread]');
    await moved.waitFor();
    await expect(moved.getAttribute('data-line')).resolves.toBe('15');
    await expect(moved.textContent()).resolves.toContain('written on revision 1, line 12');

    // Approval waits for the blocking thread.
    await mentor.locator('[data-approve]').click();
    await mentor
      .locator('[data-decision-status]')
      .getByText('Resolve the blocking thread first (src/checkout.ts line 12), or request changes.')
      .waitFor();
    await moved.locator('[data-resolve]').click();
    await mentor.locator('[data-thread] [data-resolve]', { hasText: 'Reopen' }).waitFor();
    await mentor.locator('[data-approve]').click();
    await mentor.locator('[data-decided="approve"]').waitFor();

    // Nothing waits any more: the list is empty and the header count is gone.
    await mentor.goto(`${base}/team/inbox/`);
    await mentor.getByText('Nothing waits for review.').waitFor();
    await mentor.locator('[data-inbox-link] a[aria-label="Review inbox, 0 waiting"]').waitFor();
    await expect(mentor.locator('[data-inbox-count]').textContent()).resolves.toBe('');
  });
});
