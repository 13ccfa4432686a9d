import type { Backup, ImportPlan } from '../../runtime/storage/backup.ts';
import { lessonState } from '../../runtime/storage/progress.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

export interface LessonInfo {
  id: string;
  title: string;
  exercises: string[];
}

/** "Lesson title (slug)" when the exercise belongs to a lesson, else the slug: a backup may name any slug. */
export function exerciseLabel(slug: string, lessons: readonly LessonInfo[]): string {
  const lesson = lessons.find((l) => l.exercises.includes(slug));
  return lesson ? `${lesson.title} (${slug})` : slug;
}

/**
 * What an import will change, before it changes anything: per exercise, the code and the result the merge
 * keeps, and whether the backup holds code (which stays inert until the learner runs it).
 */
export function renderImportPreview(
  backup: Backup,
  plan: ImportPlan,
  lessons: readonly LessonInfo[],
  actions: { apply: () => void; cancel: () => void; view: () => void },
): HTMLElement {
  const rows = plan.rows.map((row) =>
    h(
      'tr',
      { 'data-import-row': row.exercise, 'data-code': row.code, 'data-result': row.result },
      h('th', { scope: 'row' }, exerciseLabel(row.exercise, lessons)),
      h('td', {}, t.backup.codeChange[row.code] ?? row.code),
      h('td', {}, t.backup.resultChange[row.result] ?? row.result),
      h('td', { 'data-has-code': String(row.files.length > 0) }, t.backup.hasCode(row.files)),
    ),
  );
  const apply = h('button', { type: 'button', class: 'button', 'data-import-apply': true }, t.backup.apply);
  const view = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-backup-view-open': true },
    t.backup.view,
  );
  const cancel = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-import-cancel': true },
    t.backup.cancel,
  );
  apply.addEventListener('click', actions.apply);
  view.addEventListener('click', actions.view);
  cancel.addEventListener('click', actions.cancel);
  if (plan.writes.size === 0) apply.disabled = true;
  return h(
    'section',
    { class: 'import-preview', 'aria-labelledby': 'import-preview-heading', 'data-import-preview': true },
    h('h3', { id: 'import-preview-heading' }, t.backup.previewHeading),
    h('p', {}, t.backup.previewIntro(backup.exportedAt)),
    plan.writes.size === 0 ? h('p', { 'data-nothing-to-do': true }, t.backup.nothingToDo) : null,
    rows.length > 0
      ? h(
          'table',
          {},
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', { scope: 'col' }, t.backup.exercise),
              h('th', { scope: 'col' }, t.backup.code),
              h('th', { scope: 'col' }, t.backup.result),
              h('th', { scope: 'col' }, t.backup.containsCode),
            ),
          ),
          h('tbody', {}, ...rows),
        )
      : null,
    plan.lastLesson === 'none' ? null : h('p', {}, t.backup.lastLesson(plan.lastLesson)),
    plan.rows.some((r) => r.files.length > 0) ? h('p', { class: 'meta' }, t.backup.inertNote) : null,
    h('p', {}, apply, ' ', view, ' ', cancel),
  );
}

/**
 * A backup opened read-only: its progress per track and its code per exercise, drawn from the file alone.
 * Nothing here reads or writes the learner's own storage.
 */
export function renderBackupView(
  backup: Backup,
  tracks: readonly { id: string; title: string; lessons: LessonInfo[] }[],
  close: () => void,
): HTMLElement {
  const closeButton = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-backup-view-close': true },
    t.backup.viewClose,
  );
  closeButton.addEventListener('click', close);
  const slugs = [...new Set([...Object.keys(backup.progress.exercises), ...Object.keys(backup.work)])].sort();
  const lessons = tracks.flatMap((tr) => tr.lessons);
  return h(
    'section',
    { class: 'backup-view', 'aria-labelledby': 'backup-view-heading', 'data-backup-view': true },
    h('h3', { id: 'backup-view-heading' }, t.backup.viewHeading(backup.exportedAt)),
    h(
      'ul',
      {},
      ...tracks.map((track) => {
        const done = track.lessons.filter((l) => lessonState(backup.progress, l.exercises) === 'passed').length;
        return h(
          'li',
          { 'data-view-track': track.id },
          `${track.title}: ${t.trackProgress(done, track.lessons.length)}`,
        );
      }),
    ),
    ...slugs.map((slug) => {
      const result = backup.progress.exercises[slug];
      const files = backup.work[slug]?.files ?? {};
      return h(
        'details',
        { 'data-view-exercise': slug },
        h(
          'summary',
          {},
          `${exerciseLabel(slug, lessons)}: ${t.backup.status(result?.status ?? 'not-started', result?.attempts ?? 0)}`,
        ),
        // Text nodes only: backup code is shown, never parsed or run.
        ...Object.entries(files).map(([path, text]) =>
          h('div', {}, h('p', { class: 'meta' }, path), h('pre', {}, text)),
        ),
      );
    }),
    h('p', {}, closeButton),
  );
}
