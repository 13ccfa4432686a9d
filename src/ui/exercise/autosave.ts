import { SavedWork, WORK_KEY_PREFIX, type StorageNotice } from '../../runtime/storage/saved-work.ts';
import { WorkSession, type SaveState } from '../../runtime/storage/work-session.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

const SAVE_DELAY_MS = 300;

/** Where one island shows save state: its status line, and what it does after each save. */
export interface SaveView {
  status: HTMLElement;
  /** Called after each successful save (the islands mark `data-saved-at` for tests and the benchmark). */
  onSaved: () => void;
}

interface Entry {
  session: WorkSession;
  views: SaveView[];
}

/** One session per exercise per page: the judgment forms and the fix workbench of one exercise share it. */
const sessions = new Map<string, Entry>();

/**
 * The autosave of one exercise, for every island that edits it: a save on a pause in typing, a flush when
 * the page is hidden or left (so an edit made just before a reload survives), and the other-tab choice.
 */
export function autosaveFor(slug: string, view: SaveView): WorkSession {
  const existing = sessions.get(slug);
  if (existing) {
    existing.views.push(view);
    return existing.session;
  }
  const views: SaveView[] = [view];
  const show = (render: (v: SaveView) => void) => views.forEach(render);
  const work = new SavedWork(localStorage, (n) => show((v) => showNotice(v, n)));
  const session: WorkSession = new WorkSession({
    work,
    storage: localStorage,
    exercise: slug,
    delayMs: SAVE_DELAY_MS,
    scheduler: { set: (run, ms) => setTimeout(run, ms), clear: (handle) => clearTimeout(handle as number) },
    onState: (state) => show((v) => showState(v, state, session)),
  });
  sessions.set(slug, { session, views });

  // Every way out of the page: pagehide covers reload and navigation, visibilitychange a tab closed or
  // switched on mobile (where pagehide may never come), beforeunload the desktop close.
  const flush = () => session.flush();
  addEventListener('pagehide', flush);
  addEventListener('beforeunload', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  // Another tab on this exercise saved: the session decides whether the learner must choose.
  addEventListener('storage', (event) => {
    if (event.storageArea === localStorage && event.key === WORK_KEY_PREFIX + slug)
      session.externalChange(event.newValue);
  });
  return session;
}

function showNotice(view: SaveView, notice: StorageNotice): void {
  view.status.dataset['saveState'] = notice.kind;
  view.status.textContent =
    notice.kind === 'not-saved'
      ? t.notSaved(notice.reason)
      : notice.kind === 'kept-in-place'
        ? t.work.keptInPlace(notice.cause)
        : t.setAside;
}

function showState(view: SaveView, state: SaveState, session: WorkSession): void {
  const previous = view.status.dataset['saveState'];
  view.status.dataset['saveState'] = state.kind;
  switch (state.kind) {
    case 'saved':
      view.onSaved();
      // A save that works again clears what the last failure or choice said; other status text stays.
      if (previous !== undefined && previous !== 'saved') view.status.textContent = '';
      return;
    case 'set-aside-mine':
      view.status.textContent = t.work.mineSetAside;
      return;
    case 'conflict': {
      const mine = h('button', { type: 'button', class: 'link-button', 'data-keep-mine': true }, t.work.keepMine);
      const theirs = h('button', { type: 'button', class: 'link-button', 'data-take-theirs': true }, t.work.takeTheirs);
      mine.addEventListener('click', () => session.keepMine());
      theirs.addEventListener('click', () => session.takeTheirs());
      view.status.replaceChildren(
        h('span', { 'data-conflict': true }, t.work.otherTab(new Date(state.theirs.updatedAt))),
        ' ',
        mine,
        ' ',
        theirs,
      );
      return;
    }
  }
}
