import { exportBackup, readBackup, restoreWork } from '../../runtime/storage/backup.ts';
import { lessonState, ProgressStore } from '../../runtime/storage/progress.ts';
import type { StorageNotice } from '../../runtime/storage/saved-work.ts';
import { t } from '../../i18n/index.ts';

interface TrackData {
  id: string;
  title: string;
  lessons: { id: string; title: string; exercises: string[] }[];
}

const root = document.querySelector<HTMLElement>('[data-dashboard]');
const notice = document.querySelector<HTMLElement>('[data-progress-notice]');
const backupStatus = document.querySelector<HTMLElement>('[data-backup-status]');
const tracks = JSON.parse(root?.dataset['tracks'] ?? '[]') as TrackData[];
const base = root?.dataset['base'] ?? '/';

const onNotice = (n: StorageNotice) => {
  if (!notice) return;
  notice.hidden = false;
  notice.textContent = n.kind === 'set-aside' ? t.progressSetAside : t.notSaved(n.reason);
};
const store = new ProgressStore(localStorage, onNotice);

function render(): void {
  const progress = store.read();
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
  if (!result.ok) {
    backupStatus.textContent = t.importFailed(result.error);
    return;
  }
  store.replace(result.backup.progress);
  restoreWork(localStorage, result.backup);
  backupStatus.textContent = t.importDone(Object.keys(result.backup.work).length);
  if (notice) notice.hidden = true;
  render();
});

render();
