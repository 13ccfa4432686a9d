/**
 * Progress marks on every page (sidebar, track lists, "continue" on the home page) and the record of the
 * lesson being read. Deliberately tiny and without the schema library: it only reads the two fields it
 * shows and tolerates anything else. Full validation, quarantine of bad data and the notice live in the
 * ProgressStore, which the workbench and the /progress page use.
 */
import { t } from '../../i18n/index.ts';

const KEY = 'craftpath:progress';
type Stored = {
  version?: unknown;
  exercises?: Record<string, { status?: unknown }>;
  lastLesson?: { id?: unknown; at?: string };
};

function read(): Stored | undefined {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    return data && typeof data === 'object' ? (data as Stored) : undefined;
  } catch {
    return undefined;
  }
}

function statusOf(stored: Stored | undefined, slug: string): string | undefined {
  const status = stored?.exercises?.[slug]?.status;
  return typeof status === 'string' ? status : undefined;
}

function markLessons(stored: Stored | undefined): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-exercises]')) {
    const slugs = (el.dataset['exercises'] ?? '').split(' ').filter(Boolean);
    if (slugs.length === 0) continue;
    const statuses = slugs.map((s) => statusOf(stored, s));
    const state = statuses.every((s) => s === 'passed')
      ? 'passed'
      : statuses.some(Boolean)
        ? 'in-progress'
        : 'not-started';
    el.dataset['state'] = state;
    const label = el.querySelector('[data-state-label]');
    if (label)
      label.textContent = state === 'passed' ? t.lessonDone : state === 'in-progress' ? t.lessonInProgress : '';
  }
}

/** Only a well-formed record is updated; anything else is left for the ProgressStore to set aside. */
function recordVisit(stored: Stored | undefined, lessonId: string): void {
  if (stored && (stored.version !== 1 || typeof stored.exercises !== 'object')) return;
  const next = stored ?? { version: 1, exercises: {} };
  next.lastLesson = { id: lessonId, at: new Date().toISOString() };
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage full or blocked: the "continue" link is a convenience, nothing is lost.
  }
}

/**
 * "Continue where you left off": the first exercise not yet passed, from the lesson last read onwards
 * (then from the start), so a learner who just finished a lesson is sent to the next step, not back.
 */
function showContinue(stored: Stored | undefined): void {
  const box = document.querySelector<HTMLElement>('[data-continue]');
  if (!box || !stored || (!stored.lastLesson && Object.keys(stored.exercises ?? {}).length === 0)) return;
  const steps = JSON.parse(box.dataset['steps'] ?? '[]') as [lesson: string, exercise: string, label: string][];
  const from = Math.max(
    0,
    steps.findIndex(([lesson]) => lesson === stored.lastLesson?.id),
  );
  const ordered = [...steps.slice(from), ...steps.slice(0, from)];
  const next = ordered.find(([, exercise]) => statusOf(stored, exercise) !== 'passed');
  const link = box.querySelector<HTMLAnchorElement>('a');
  if (!link) return;
  if (next) {
    const [lesson, exercise, label] = next;
    link.href = `${box.dataset['base'] ?? '/'}lessons/${lesson}/#exercise-${exercise}`;
    link.textContent = label;
  } else {
    link.href = `${box.dataset['base'] ?? '/'}progress/#review`;
    link.textContent = t.progress.allDone;
  }
  box.hidden = false;
}

const stored = read();
const lesson = document.querySelector<HTMLElement>('article[data-lesson]')?.dataset['lesson'];
if (lesson) recordVisit(stored, lesson);
markLessons(stored);
showContinue(stored);
