import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../src/shared-api/assignments-api.ts';
import type { Thread } from '../../src/shared-api/review-api.ts';
import { axe, describeViolations } from './axe.ts';
import { useBrowser } from './browser.ts';
import { api, useTeamServe } from './team-serve.ts';

/**
 * The learner's side of mentor review, in Chromium against a real `npm run serve` on a fresh database: a
 * mentor comments on line 12 of a submission; the learner sees it on line 12 of the editor (highlight,
 * margin mark, hover) and in the list, replies (the mentor reads the reply), resubmits with lines added
 * above, and after a reload the comment is on the same code further down. The header's notification
 * count rises and reading clears it. axe finds nothing with the comments open, light and dark.
 */
const SLUG = 'rate-limiter-clock';
const LESSON = '/lessons/deterministic-tests/';
const FILE = 'src/rate-limiter.ts';
const { newPage } = useBrowser();
const serve = useTeamServe();

type Handle = {
  getFile(path: string): string | undefined;
  setFile(path: string, text: string): void;
  lineNotes(): { threadId: string; file: string; startLine: number }[];
};

/** The workbench of the exercise, started as a learner starts it, ready for typing. */
async function openWorkbench(page: Page): Promise<void> {
  await page.goto(`${serve.base()}${LESSON}`);
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined);
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 60_000 });
}

function notes(page: Page) {
  return page.evaluate(async (slug) => {
    const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
      workbench: Promise<Handle>;
    };
    return (await el.workbench).lineNotes().map((n) => ({ file: n.file, line: n.startLine }));
  }, SLUG);
}

/** The line number Monaco draws beside the highlighted line: the decoration as the learner sees it. */
function highlightedLine(page: Page) {
  return page.evaluate(() => {
    const line = document.querySelector('.monaco-editor .review-line')?.getBoundingClientRect();
    if (!line) return null;
    const numbers = [...document.querySelectorAll('.monaco-editor .line-numbers')];
    const beside = numbers.find((n) => Math.abs(n.getBoundingClientRect().top - line.top) < 2);
    return beside ? Number(beside.textContent) : null;
  });
}

describe('a mentor’s line comment in the learner’s workbench', () => {
  it('is drawn on its line, answered, followed across a resubmission, and notified', async () => {
    const base = serve.base();
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
    const learner = await joinAs('Lin Learner', 'lin@example.com', 'learner');
    const assignment = (
      await api<{ id: string }>(mentor, base, 'POST', `/api/cohorts/${cohort}/assignments`, {
        exercises: [SLUG],
        mode: 'practice',
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      })
    ).id;

    // The learner submits the starter as it is.
    await openWorkbench(learner);
    const panel = learner.locator(`craftpath-assignment[data-slug="${SLUG}"]`);
    await panel.locator('[data-submit]').click();
    await panel
      .locator('[data-grading-status]')
      .getByText(/revision 1/i)
      .waitFor();
    const mine = async () =>
      (await api<{ submissions: Submission[] }>(learner, base, 'GET', `/api/assignments/${assignment}/submissions`))
        .submissions;
    const first = (await mine())[0];
    expect(first?.files[FILE]?.split('\n')[11]).toBe('    this.#capacity = capacity;');

    // The mentor comments on line 12.
    const thread = await api<Thread>(mentor, base, 'POST', `/api/submissions/${first?.id ?? ''}/threads`, {
      file: FILE,
      lines: { startLine: 12, endLine: 12 },
      label: 'issue',
      blocking: true,
      body: 'Inject the **clock** here instead of reading `Date.now()`.',
    });

    // The learner's header counts it; the editor marks line 12; the list holds it.
    await openWorkbench(learner);
    const bell = learner.locator('[data-notifications]');
    await learner.locator('[data-notifications][data-unread="1"]').waitFor();
    const feedback = panel.locator('[data-feedback]');
    await feedback.waitFor();
    await learner.waitForFunction(() => document.querySelector('.monaco-editor')?.closest('.workbench'));
    await expect.poll(() => notes(learner)).toEqual([{ file: FILE, line: 12 }]);
    const toggle = feedback.locator('[data-feedback-toggle]');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const item = feedback.locator(`[data-thread="${thread.id}"]`);
    await expect(item.textContent()).resolves.toMatch(/issue.*blocking/);
    await expect(item.locator('[data-comment] strong').first().textContent()).resolves.toBe('Mo Mentor');
    await expect(item.locator('.feedback__body strong').textContent()).resolves.toBe('clock');
    // "src/rate-limiter.ts, line 12" opens the file at the line, where the highlight and margin mark are.
    await item.locator('[data-go-to-line="12"]').click();
    await expect.poll(() => highlightedLine(learner)).toBe(12);
    await expect(learner.locator('.monaco-editor .review-glyph').count()).resolves.toBe(1);
    const box = await learner.locator('.monaco-editor .review-line').boundingBox();
    if (!box) throw new Error('the highlighted line has no box');
    await learner.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await learner
      .locator('.monaco-hover')
      .getByText(/Inject the \*\*clock\*\* here/)
      .waitFor();
    await learner.mouse.move(0, 0);

    // axe, with the comments open, in both themes.
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await learner.locator('[data-theme-toggle]').click();
      await expect(learner.evaluate(() => document.documentElement.dataset['theme'])).resolves.toBe(theme);
      const found = (await axe(learner)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(found, `axe on the workbench with comments (${theme}):\n${describeViolations(found)}`).toEqual([]);
    }

    // The learner replies; the mentor reads the reply and is notified of it.
    await item.locator('[data-reply-text]').fill('Done: the bucket takes a `Clock` now.');
    await item.getByRole('button', { name: 'Reply' }).click();
    await feedback.locator(`[data-thread="${thread.id}"] [data-comment]`).nth(1).waitFor();
    const seen = await api<{ threads: Thread[] }>(mentor, base, 'GET', `/api/submissions/${first?.id ?? ''}/threads`);
    expect(seen.threads[0]?.comments.map((c) => [c.authorName, c.body])).toEqual([
      ['Mo Mentor', 'Inject the **clock** here instead of reading `Date.now()`.'],
      ['Lin Learner', 'Done: the bucket takes a `Clock` now.'],
    ]);
    await mentor.goto(`${base}/`);
    await mentor.locator('[data-notifications][data-unread="1"]').waitFor();

    // Reading the notification clears the learner's count.
    await bell.locator('[data-notifications-toggle]').click();
    await expect(bell.locator('[data-notifications-toggle]').getAttribute('aria-expanded')).resolves.toBe('true');
    await bell.locator('[data-notification][data-read="false"]').first().click();
    await learner.waitForURL(/deterministic-tests/);
    await learner.locator('[data-notifications][data-unread="0"]').waitFor();

    // Three lines above the class: the decoration moves with the edit, then with the resubmission.
    await openWorkbench(learner);
    await expect.poll(() => notes(learner)).toEqual([{ file: FILE, line: 12 }]);
    await learner.evaluate(
      async ([slug, path]) => {
        const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
          workbench: Promise<Handle>;
        };
        const handle = await el.workbench;
        handle.setFile(
          path,
          `// Tokens per merchant.\n// Refilled by time.\n// 429 when empty.\n${handle.getFile(path)}`,
        );
      },
      [SLUG, FILE],
    );
    await expect.poll(() => notes(learner)).toEqual([{ file: FILE, line: 15 }]);
    await panel.locator('[data-submit]').click();
    await panel
      .locator('[data-grading-status]')
      .getByText(/revision 2/i)
      .waitFor();
    await learner.waitForFunction(() => document.querySelector('.workbench__editor[data-saved-at]'));
    await openWorkbench(learner);
    await panel.locator('[data-feedback] h3').getByText('Mentor review of revision 2').waitFor();
    await expect.poll(() => notes(learner)).toEqual([{ file: FILE, line: 15 }]);
    await panel.locator('[data-feedback-toggle]').click();
    await panel.locator(`[data-thread="${thread.id}"] [data-go-to-line="15"]`).click();
    await expect.poll(() => highlightedLine(learner)).toBe(15);
    const second = (await mine()).find((s) => s.revision === 2);
    expect(second?.files[FILE]?.split('\n')[14]).toBe('    this.#capacity = capacity;');
  }, 240_000);
});
