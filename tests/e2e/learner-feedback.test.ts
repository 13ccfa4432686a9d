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
/** How long a poll waits for the editor to draw: Monaco renders on its next frames, slower on a busy machine. */
const WAIT = { timeout: 15_000 };
const serve = useTeamServe();

type Handle = {
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

/** The line numbers Monaco draws beside the highlighted lines: the decorations as the learner sees them. */
function highlightedLines(page: Page) {
  return page.evaluate(() => {
    const numbers = [...document.querySelectorAll('.monaco-editor .line-numbers')];
    return [...document.querySelectorAll('.monaco-editor .review-line')]
      .map((line) => {
        const top = line.getBoundingClientRect().top;
        return Number(numbers.find((n) => Math.abs(n.getBoundingClientRect().top - top) < 2)?.textContent);
      })
      .sort((x, y) => x - y);
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
    // A second, on line 13, and the mentor's decision: changes requested.
    const nit = await api<Thread>(mentor, base, 'POST', `/api/submissions/${first?.id ?? ''}/threads`, {
      file: FILE,
      lines: { startLine: 13, endLine: 13 },
      label: 'nit',
      body: 'Say why 1000.',
    });
    await api(mentor, base, 'POST', `/api/submissions/${first?.id ?? ''}/decision`, {
      decision: 'request_changes',
      body: 'Two things; see the comments.',
    });

    // The learner's header counts them; the editor marks lines 12 and 13; the list holds them.
    await openWorkbench(learner);
    const bell = learner.locator('[data-notifications]');
    await learner.locator('[data-notifications][data-unread="3"]').waitFor();
    const feedback = panel.locator('[data-feedback]');
    await feedback.waitFor();
    await learner.waitForFunction(() => document.querySelector('.monaco-editor')?.closest('.workbench'));
    await expect
      .poll(() => notes(learner))
      .toEqual([
        { file: FILE, line: 12 },
        { file: FILE, line: 13 },
      ]);
    await expect(feedback.locator('[data-decision="request_changes"]').textContent()).resolves.toMatch(
      /Changes requested by Mo Mentor.*Two things; see the comments\./,
    );
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
    await expect.poll(() => highlightedLines(learner), WAIT).toEqual([12, 13]);
    await expect(learner.locator('.monaco-editor .review-glyph').count()).resolves.toBe(2);
    // With the cursor on the line (where "Go to" put it), Ctrl+K Ctrl+I shows its hover: the comment as written.
    await learner.keyboard.press('Control+K');
    await learner.keyboard.press('Control+I');
    await learner
      .locator('.monaco-hover:visible')
      .getByText(/Inject the \*\*clock\*\* here/)
      .waitFor();
    await learner.keyboard.press('Escape');

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

    // Opening a notification reads it; "Mark all read" clears the rest.
    await bell.locator('[data-notifications-toggle]').click();
    await expect(bell.locator('[data-notifications-toggle]').getAttribute('aria-expanded')).resolves.toBe('true');
    const inList = (await axe(learner)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(inList, `axe with the notifications open (dark):\n${describeViolations(inList)}`).toEqual([]);
    await bell.locator('[data-notification][data-read="false"]').first().click();
    await learner.waitForURL(/deterministic-tests/);
    await learner.locator('[data-notifications][data-unread="2"]').waitFor();
    await bell.locator('[data-notifications-toggle]').click();
    await bell.getByRole('button', { name: 'Mark all read' }).click();
    await learner.locator('[data-notifications][data-unread="0"]').waitFor();

    // Three lines typed above the class, as a learner types: Monaco moves both decorations with the edit.
    await openWorkbench(learner);
    await expect.poll(() => notes(learner), WAIT).toHaveLength(2);
    const savedBefore = await learner.locator('.workbench__editor').getAttribute('data-saved-at');
    await panel.locator('[data-feedback-toggle]').click();
    await panel.locator(`[data-thread="${thread.id}"] [data-go-to-line="12"]`).click();
    await learner.keyboard.press('Control+Home');
    for (const line of ['// Tokens per merchant.', '// Refilled by time.', '// 429 when empty.']) {
      await learner.keyboard.type(line);
      await learner.keyboard.press('Enter');
    }
    await expect
      .poll(() => notes(learner))
      .toEqual([
        { file: FILE, line: 15 },
        { file: FILE, line: 16 },
      ]);
    // "Go to" takes the nit's lines as they are now (16, not 13); the learner rewrites that line.
    await panel.locator(`[data-thread="${nit.id}"] [data-go-to-line="13"]`).click();
    await learner.keyboard.press('End');
    await learner.keyboard.type(' // 1000 ms per second');
    await expect(
      learner.evaluate((slug) => {
        const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
          workbench: Promise<{ getFile(p: string): string }>;
        };
        return el.workbench.then((w) => w.getFile('src/rate-limiter.ts').split('\n')[15]);
      }, SLUG),
    ).resolves.toBe('    this.#msPerToken = 1000 / refillPerSecond; // 1000 ms per second');
    await learner.waitForFunction(
      (before) => document.querySelector('.workbench__editor')?.getAttribute('data-saved-at') !== before,
      savedBefore,
    );
    await panel.locator('[data-submit]').click();
    await panel
      .locator('[data-grading-status]')
      .getByText(/revision 2/i)
      .waitFor();
    await openWorkbench(learner);
    await panel.locator('[data-feedback] h3').getByText('Mentor review of revision 2').waitFor();
    // The rewritten line's nit is outdated: listed with the code it was written on, not drawn.
    await expect.poll(() => notes(learner), WAIT).toEqual([{ file: FILE, line: 15 }]);
    await panel.locator('[data-feedback-toggle]').click();
    const outdated = panel.locator(`[data-thread="${nit.id}"]`);
    await expect(outdated.locator('[data-outdated]').count()).resolves.toBe(1);
    await expect(outdated.locator('pre').textContent()).resolves.toBe('    this.#msPerToken = 1000 / refillPerSecond;');
    await expect(panel.locator('[data-decision="request_changes"]').textContent()).resolves.toMatch(/on revision 1/);
    await panel.locator(`[data-thread="${thread.id}"] [data-go-to-line="15"]`).click();
    await expect.poll(() => highlightedLines(learner), WAIT).toEqual([15]);
    const second = (await mine()).find((s) => s.revision === 2);
    expect(second?.files[FILE]?.split('\n')[14]).toBe('    this.#capacity = capacity;');
  }, 240_000);
});
