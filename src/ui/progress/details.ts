import type { ExerciseProgress, Progress } from '../../runtime/storage/progress.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { formatDateTime } from './format.ts';

const p = t.progress;

function stateOf(entry: ExerciseProgress | undefined): keyof typeof p.state {
  return entry?.status ?? 'not-started';
}

function time(iso: string | undefined, fallback: string): Node | string {
  return iso ? h('time', { datetime: iso }, formatDateTime(iso)) : fallback;
}

function solutionText(entry: ExerciseProgress | undefined): string {
  const viewed = entry?.solutionViewedAt;
  if (!viewed) return p.solutionNo;
  if (!entry.passedAt) return p.solutionNotPassed;
  return viewed <= entry.passedAt ? p.solutionBeforePass : p.solutionAfterPass;
}

/**
 * Fills every exercise's facts (state, attempts, first and last attempt, hints, solution, checks still
 * failing) and the skill view from the stored progress. The page carries the rows; this only writes text.
 */
export function renderDetails(root: ParentNode, progress: Progress): void {
  for (const row of root.querySelectorAll<HTMLElement>('[data-exercise-row]')) {
    const entry = progress.exercises[row.dataset['exerciseRow'] ?? ''];
    const state = stateOf(entry);
    row.dataset['state'] = state;
    const set = (field: string, value: Node | string) =>
      row.querySelector(`[data-field="${field}"]`)?.replaceChildren(value);
    set('state', p.state[state]);
    set('attempts', String(entry?.attempts ?? 0));
    // A record from before first attempts were kept has runs but no first time: say so rather than guess.
    set('first', entry && entry.attempts > 0 ? time(entry.firstAttemptAt, p.notRecorded) : p.never);
    set('last', entry && entry.attempts > 0 ? time(entry.lastAttemptAt, p.never) : p.never);
    const hints = row.querySelector<HTMLElement>('[data-field="hints"]');
    const total = Number(hints?.dataset['total'] ?? 0);
    if (hints) hints.textContent = p.hintsOf(entry?.hintsUsed ?? 0, total);
    set('solution', solutionText(entry));
    const failing = Object.values(entry?.failing ?? {});
    set(
      'failing',
      failing.length > 0
        ? h('ul', { class: 'failing-list' }, ...failing.map((title) => h('li', {}, title)))
        : entry && entry.attempts > 0
          ? p.failingNone
          : p.never,
    );
  }
  for (const skill of root.querySelectorAll<HTMLElement>('[data-skill]')) {
    let passed = 0;
    const items = [...skill.querySelectorAll<HTMLElement>('[data-skill-exercise]')];
    for (const item of items) {
      const state = stateOf(progress.exercises[item.dataset['skillExercise'] ?? '']);
      if (state === 'passed') passed++;
      item.dataset['state'] = state;
      const chip = item.querySelector('[data-field="state"]');
      if (chip) chip.textContent = p.state[state];
    }
    const summary = skill.querySelector('[data-skill-summary]');
    if (summary) summary.textContent = p.skillProgress(passed, items.length);
  }
}
