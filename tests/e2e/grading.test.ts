import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { listExerciseSlugs, loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { solutionFiles } from '../../src/runtime/exercise/bundle.ts';
import { useBrowser } from './browser.ts';
import { api as teamApi, ROOT, useTeamServer } from './team-serve.ts';

/**
 * Assessed grading in the browser, on a real `npm run serve` with a fresh data directory and the site
 * built for a team server (CRAFTPATH_TEAM_MODE=1): dist/ holds no exercise secret; a mentor assigns an
 * exercise; the learner sees who assigned it and when it is due, submits the starter (a wrong answer),
 * sees the server's verdict arrive, resubmits the reference solution and sees it pass; the mentor sees
 * both revisions with the browser's and the server's report. CRAFTPATH_TEAM_DIST reuses a team-mode build.
 */
const SLUG = 'rate-limiter-clock';
const LESSON = '/lessons/deterministic-tests/';
const { newPage } = useBrowser();
const team = useTeamServer();

/** Every text file of the build, path → content. */
function distTexts(dir: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|json|js|mjs|txt|md|xml|css)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    texts.set(path, readFileSync(path, 'utf8'));
  }
  return texts;
}

const api = (page: Page, method: string, path: string, data?: unknown) =>
  teamApi(page, team.base(), method, path, data);

describe('assessed grading on the team server, in the browser', () => {
  it('ships a dist/ without any exercise’s hidden files, solution, mutants, wrong answers or keys', async () => {
    const texts = distTexts(team.distDir());
    expect([...texts.keys()].filter((p) => p.endsWith('.key.json'))).toEqual([]);
    const all = [...texts.values()];
    const bundles = await Promise.all(
      (await listExerciseSlugs(join(ROOT, 'exercises'))).map(async (slug) => ({
        slug,
        bundle: (await loadExercise(join(ROOT, 'exercises'), slug)).bundle,
      })),
    );
    // What learners may see anyway: every exercise's starter and the lessons' own code samples.
    const lessons = join(ROOT, 'content', 'lessons');
    const shown = [
      ...bundles.map((b) => JSON.stringify(b.bundle.starter)),
      ...readdirSync(lessons).map((name) => JSON.stringify(readFileSync(join(lessons, name), 'utf8'))),
    ].join('\n');
    for (const { slug, bundle } of bundles) {
      const secrets = [
        ...Object.values(bundle.hidden),
        ...Object.entries(bundle.solution)
          .filter(([path, text]) => bundle.starter[path] !== text)
          .map(([, text]) => text),
        ...Object.values(bundle.fixtures),
      ];
      // A secret's telling lines, escaped as they would appear inside JSON, and not shown by the starter.
      const lines = secrets
        .flatMap((text) => text.split('\n'))
        .filter((line) => line.trim().length >= 40)
        .map((line) => JSON.stringify(line).slice(1, -1))
        .filter((line) => !shown.includes(line));
      for (const line of new Set(lines)) {
        const leak = all.findIndex((text) => text.includes(line));
        expect(leak, `${slug}: "${line}" is in ${[...texts.keys()][leak]}`).toBe(-1);
      }
    }
  });

  it('mentor assigns, learner submits a wrong then a right answer, both see the server’s verdicts', async () => {
    const owner = await newPage();
    await owner.goto(`${team.base()}/`);
    await api(owner, 'POST', '/api/accounts', {
      name: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    const cohort = (await api(owner, 'POST', '/api/cohorts', { name: 'Spring backend' }))['id'] as string;
    const invite = async (role: string) =>
      (
        (await api(owner, 'POST', `/api/cohorts/${cohort}/invitations`, { role, expiresInDays: 1, maxUses: 1 }))[
          'url'
        ] as string
      ).split('#')[1];
    const joinAs = async (name: string, email: string, role: string) => {
      const page = await newPage();
      await page.goto(`${team.base()}/`);
      await api(page, 'POST', '/api/accounts', {
        name,
        email,
        password: 'another good secret',
        invitation: await invite(role),
      });
      return page;
    };
    const mentor = await joinAs('Mo Mentor', 'mo@example.com', 'mentor');
    const learner = await joinAs('Lin Learner', 'lin@example.com', 'learner');

    // The mentor assigns the exercise, due in three days.
    await mentor.goto(`${team.base()}/team/assignments/?cohort=${cohort}`);
    const form = mentor.locator('[data-new-assignment]');
    await form.waitFor({ state: 'visible' });
    await form.getByLabel('Exercise').selectOption(SLUG);
    const due = new Date(Date.now() + 3 * 86_400_000 + 3_600_000);
    const local = new Date(due.getTime() - due.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await form.getByLabel('Due').fill(local);
    await form.getByLabel('Note to learners').fill('Inject the clock; no sleeping tests.');
    await form.getByRole('button', { name: 'Assign' }).click();
    await form.getByText(/Assigned .*due in 3 days/).waitFor();

    // The learner sees it on the exercise, with what only the server checks.
    await learner.goto(`${team.base()}${LESSON}`);
    const panel = learner.locator(`craftpath-assignment[data-slug="${SLUG}"]`);
    await panel
      .locator('[data-assigned]')
      .getByText(/assigned by Mo Mentor to Spring backend, due in 3 days/)
      .waitFor();
    await expect(panel.textContent()).resolves.toMatch(/On submit the server runs every check, including these/);
    const start = learner.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
    if (await start.count()) await start.click().catch(() => undefined);
    await learner.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 60_000 });

    const runInBrowser = async () => {
      const results = learner.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-results]`);
      const before = Number((await results.getAttribute('data-runs')) ?? 0);
      await learner.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-run]`).click();
      await learner.waitForFunction(
        ([slug, n]) =>
          Number(
            document
              .querySelector(`craftpath-exercise[data-slug="${slug}"] [data-results]`)
              ?.getAttribute('data-runs') ?? 0,
          ) > Number(n),
        [SLUG, before],
        { timeout: 60_000 },
      );
    };
    const status = panel.locator('[data-grading-status]');

    // The starter is a wrong answer: the server's verdict arrives without a reload.
    await runInBrowser();
    await panel.locator('[data-submit]').click();
    await status.getByText(/Server verdict for revision 1: did not pass/).waitFor({ timeout: 90_000 });

    // The reference solution, pasted in as a learner would paste whole files.
    const { bundle } = await loadExercise(join(ROOT, 'exercises'), SLUG);
    const solved = solutionFiles(bundle);
    for (const file of bundle.meta.files.filter((f) => f.role === 'editable')) {
      await learner.evaluate(
        async ([slug, path, text]) => {
          const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
            workbench: Promise<{ setFile(p: string, t: string): void }>;
          };
          (await el.workbench).setFile(path as string, text as string);
        },
        [SLUG, file.path, solved[file.path] ?? ''],
      );
    }
    await runInBrowser();
    await panel.locator('[data-submit]').click();
    await status.getByText('Server verdict for revision 2: passed.').waitFor({ timeout: 90_000 });

    // The progress page lists the assignment with a deep link to the exercise.
    await learner.goto(`${team.base()}/progress/`);
    const mine = learner.locator('[data-my-assignments]');
    await mine.getByText(/assigned by Mo Mentor, due in 3 days/).waitFor();
    await expect(mine.locator(`a[href$="#exercise-${SLUG}"]`).count()).resolves.toBe(1);

    // The mentor sees both revisions, each with the browser's and the server's report.
    await mentor.reload();
    await mentor.locator('[data-show-submissions]').click();
    const rows = mentor.locator('[data-submissions] tbody tr');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    const first = mentor.locator('tr[data-revision="1"]');
    const second = mentor.locator('tr[data-revision="2"]');
    await expect(first.locator('[data-browser-report] [data-verdict]').count()).resolves.toBe(1);
    await expect(first.locator('[data-server-report] [data-verdict]').getAttribute('data-verdict')).resolves.toBe(
      'fail',
    );
    await expect(second.locator('[data-browser-report] [data-verdict]').getAttribute('data-verdict')).resolves.toBe(
      'pass',
    );
    await expect(second.locator('[data-server-report] [data-verdict]').getAttribute('data-verdict')).resolves.toBe(
      'pass',
    );
  });
});
