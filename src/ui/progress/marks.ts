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

function showContinue(stored: Stored | undefined): void {
  const box = document.querySelector<HTMLElement>('[data-continue]');
  const id = stored?.lastLesson?.id;
  if (!box || typeof id !== 'string') return;
  const titles = JSON.parse(box.dataset['lessons'] ?? '{}') as Record<string, string>;
  const title = titles[id];
  const link = box.querySelector<HTMLAnchorElement>('a');
  if (!title || !link) return;
  link.href = `${box.dataset['base'] ?? '/'}lessons/${id}/`;
  link.textContent = title;
  box.hidden = false;
}

const stored = read();
const lesson = document.querySelector<HTMLElement>('article[data-lesson]')?.dataset['lesson'];
if (lesson) recordVisit(stored, lesson);
markLessons(stored);
showContinue(stored);
