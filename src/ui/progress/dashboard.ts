import {
  applyImport,
  exportBackup,
  planImport,
  readBackup,
  restoreSnapshot,
  type Backup,
} from '../../runtime/storage/backup.ts';
import { lessonState, ProgressStore } from '../../runtime/storage/progress.ts';
import type { StorageNotice } from '../../runtime/storage/saved-work.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { renderDetails } from './details.ts';
import { renderBackupView, renderImportPreview } from './import-preview.ts';

interface TrackData {
  id: string;
  title: string;
  lessons: { id: string; title: string; exercises: string[] }[];
}

const root = document.querySelector<HTMLElement>('[data-dashboard]');
const notice = document.querySelector<HTMLElement>('[data-progress-notice]');
const backupStatus = document.querySelector<HTMLElement>('[data-backup-status]');
/** Where the import preview and the read-only backup view appear, below the backup status. */
const backupPanel = h('div', { 'data-backup-panel': true });
backupStatus?.after(backupPanel);
const tracks = JSON.parse(root?.dataset['tracks'] ?? '[]') as TrackData[];
const base = root?.dataset['base'] ?? '/';

const onNotice = (n: StorageNotice) => {
  if (!notice) return;
  notice.hidden = false;
  notice.textContent =
    n.kind === 'set-aside'
      ? t.progressSetAside
      : n.kind === 'kept-in-place'
        ? t.work.progressKeptInPlace(n.cause)
        : t.notSaved(n.reason);
};
const store = new ProgressStore(localStorage, onNotice);

function render(): void {
  const progress = store.read();
  renderDetails(document, progress);
  for (const track of tracks) {
    const section = root?.querySelector<HTMLElement>(`[data-track="${track.id}"]`);
    if (!section) continue;
    const done = track.lessons.filter((l) => lessonState(progress, l.exercises) === 'passed');
    const next = track.lessons.find((l) => lessonState(progress, l.exercises) !== 'passed');
    const bar = section.querySelector('progress');
    if (bar) bar.value = done.length;
    const summary = section.querySelector('[data-summary]');
    if (summary) summary.textContent = t.trackProgress(done.length, track.lessons.length);
    const nextEl = section.querySelector('[data-next]');
    if (!nextEl) continue;
    if (next) {
      const link = document.createElement('a');
      link.href = `${base}lessons/${next.id}/`;
      link.textContent = next.title;
      nextEl.replaceChildren(`${t.nextLesson}: `, link);
    } else if (track.lessons.length > 0) {
      nextEl.textContent = t.trackComplete;
    }
  }
}

document.querySelector('[data-export]')?.addEventListener('click', () => {
  const backup = exportBackup(localStorage, store.read());
  const url = URL.createObjectURL(new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `craftpath-backup-${backup.exportedAt.slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
});

document.querySelector<HTMLInputElement>('[data-import]')?.addEventListener('change', async (event) => {
  const input = event.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  if (!file || !backupStatus) return;
  const result = readBackup(await file.text());
  input.value = '';
  backupPanel.replaceChildren();
  if (!result.ok) {
    backupStatus.textContent = t.importFailed(result.error);
    return;
  }
  showPreview(result.backup);
});

/** Nothing is written until the learner has seen what changes and pressed "Import and merge". */
function showPreview(backup: Backup): void {
  if (!backupStatus) return;
  const planned = planImport(localStorage, backup);
  if (!planned.ok) {
    backupStatus.textContent = t.importFailed(planned.error);
    return;
  }
  backupStatus.textContent = '';
  const lessons = tracks.flatMap((track) => track.lessons);
  backupPanel.replaceChildren(
    renderImportPreview(backup, planned.plan, lessons, {
      apply: () => apply(backup),
      cancel: () => backupPanel.replaceChildren(),
      view: () => backupPanel.replaceChildren(renderBackupView(backup, tracks, () => showPreview(backup))),
    }),
  );
}

function apply(backup: Backup): void {
  if (!backupStatus) return;
  // Planned again at the moment of writing: another tab may have saved since the preview was drawn.
  const planned = planImport(localStorage, backup);
  if (!planned.ok) {
    backupStatus.textContent = t.importFailed(planned.error);
    return;
  }
  const result = applyImport(localStorage, planned.plan);
  backupPanel.replaceChildren();
  if (!result.ok) {
    backupStatus.textContent = result.rolledBack
      ? t.backup.rolledBack(result.error)
      : t.backup.notRolledBack(result.error);
    return;
  }
  const changes = new Set(['added', 'newer', 'better']);
  const changed = planned.plan.rows.filter((r) => changes.has(r.code) || changes.has(r.result)).length;
  const undo = h('button', { type: 'button', class: 'link-button', 'data-import-undo': true }, t.backup.undo);
  undo.addEventListener('click', () => {
    backupStatus.textContent = restoreSnapshot(localStorage, result.undo) ? t.backup.undone : t.backup.undoFailed;
    render();
  });
  backupStatus.replaceChildren(t.backup.applied(changed), ' ', undo);
  if (notice) notice.hidden = true;
  render();
}

render();
