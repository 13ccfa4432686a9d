import type { SpecOf } from '../../runtime/checks/kind.ts';
import type { Files } from '../../runtime/checks/toolchain.ts';
import {
  REVIEW_DECISIONS,
  REVIEW_LABELS,
  type ReviewAnswer,
  type ReviewComment,
  type ReviewLabel,
} from '../../runtime/checks/review-key.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';
import { languageOf, loadMonaco } from '../exercise/monaco.ts';
import { createReadonlyDiff } from '../exercise/diff-editor.ts';
import { parseAnswer, uid, type AnswerPanel } from './panel.ts';

/**
 * The review of a seeded pull request: Monaco's diff editor (read-only), a form that anchors a labelled
 * comment to the selected lines (or typed line numbers, for anyone not using the editor), the list of
 * comments with edit and remove, and the decision. The answer is review.json, graded on submit.
 */
export async function reviewPanel(
  spec: SpecOf<'review'>,
  files: Files,
  saved: string | undefined,
  onChange: () => void,
): Promise<AnswerPanel> {
  const monaco = await loadMonaco();
  const answer = parseAnswer<ReviewAnswer>(saved, { comments: [], decision: null });
  const comments: ReviewComment[] = [...answer.comments];
  let current = spec.diff[0]?.path ?? '';
  let editing: number | undefined;

  const models = new Map(
    spec.diff.map((d) => {
      const language = languageOf(d.path);
      const make = (side: string, text: string) => {
        const uri = monaco.Uri.parse(`file:///review/${spec.id}/${side}/${d.path}`);
        monaco.editor.getModel(uri)?.dispose();
        return monaco.editor.createModel(text, language, uri);
      };
      return [
        d.path,
        { original: make('before', files[d.before] ?? ''), modified: make('after', files[d.after] ?? '') },
      ];
    }),
  );

  // Layout: file picker, diff, comment form, comment list, decision.
  const fileSelectId = uid('review-file');
  const fileSelect = h(
    'select',
    { id: fileSelectId, 'data-review-file': true },
    ...spec.diff.map((d) => h('option', { value: d.path }, d.path)),
  );
  const diffEl = h('div', { class: 'judgment__diff', 'data-diff': true });
  const status = h('p', { class: 'visually-hidden', 'aria-live': 'polite', 'data-review-status': true });

  const fromId = uid('from');
  const toId = uid('to');
  const labelId = uid('label');
  const blockingId = uid('blocking');
  const textId = uid('text');
  const from = h('input', { id: fromId, type: 'number', min: '1', required: true, 'data-from': true, value: '1' });
  const to = h('input', { id: toId, type: 'number', min: '1', required: true, 'data-to': true, value: '1' });
  const label = h(
    'select',
    { id: labelId, 'data-label': true },
    ...REVIEW_LABELS.map((l) => h('option', { value: l, selected: l === 'issue' }, l)),
  );
  const blocking = h('input', { id: blockingId, type: 'checkbox', 'data-blocking': true });
  const text = h('textarea', { id: textId, rows: '3', required: true, 'data-text': true });
  const formHeading = h('h4', {}, t.judgment.commentHeading);
  const submitComment = h(
    'button',
    { type: 'submit', class: 'button', 'data-add-comment': true },
    t.judgment.addComment,
  );
  const cancel = h(
    'button',
    { type: 'button', class: 'button button--secondary', hidden: true, 'data-cancel-edit': true },
    t.judgment.cancelEdit,
  );
  const formError = h('p', { class: 'judgment__error', role: 'alert' });
  const form = h(
    'form',
    { class: 'judgment__comment-form', 'data-comment-form': true },
    formHeading,
    h(
      'div',
      { class: 'judgment__anchor' },
      h('label', { for: fromId }, t.judgment.fromLine),
      from,
      h('label', { for: toId }, t.judgment.toLine),
      to,
      h('label', { for: labelId }, t.judgment.label),
      label,
    ),
    h('p', {}, blocking, ' ', h('label', { for: blockingId }, t.judgment.blocking)),
    h('p', {}, h('label', { for: textId }, t.judgment.commentText), h('br', {}), text),
    formError,
    h('p', { class: 'judgment__actions' }, submitComment, cancel),
  );
  const listHeading = h('h4', { tabindex: '-1' });
  const list = h('ul', { class: 'judgment__comments', 'data-comments': true });

  const decisionName = uid('decision');
  const decisionRadios = REVIEW_DECISIONS.map((d) => {
    const id = uid('decision-option');
    const radio = h('input', { type: 'radio', id, name: decisionName, value: d, checked: answer.decision === d });
    radio.addEventListener('change', onChange);
    return { radio, row: h('div', {}, radio, ' ', h('label', { for: id }, t.judgment.decisions[d] ?? d)) };
  });
  const decision = h(
    'fieldset',
    { class: 'judgment__choices', 'data-decision': true },
    h('legend', {}, t.judgment.decisionLegend),
    ...decisionRadios.map((r) => r.row),
  );

  const element = h(
    'div',
    { class: 'judgment__review', 'data-panel': 'review' },
    h('p', {}, h('label', { for: fileSelectId }, t.judgment.diffFile), ' ', fileSelect),
    diffEl,
    form,
    listHeading,
    list,
    decision,
    status,
  );

  const diff = createReadonlyDiff(monaco, diffEl);
  const modified = diff.getModifiedEditor();
  const decorations = modified.createDecorationsCollection();

  function show(path: string): void {
    const pair = models.get(path);
    if (!pair) return;
    current = path;
    fileSelect.value = path;
    diff.setModel(pair);
    modified.updateOptions({ ariaLabel: t.judgment.diffLabel(path) });
    from.max = to.max = String(pair.modified.getLineCount());
    decorate();
  }

  function decorate(): void {
    decorations.set(
      comments
        .filter((c) => c.file === current)
        .map((c) => ({
          range: new monaco.Range(c.startLine, 1, c.endLine, 1),
          options: {
            isWholeLine: true,
            className: c.blocking ? 'judgment__line--blocking' : 'judgment__line',
            hoverMessage: { value: `**${c.label}${c.blocking ? ' (blocking)' : ''}**: ${c.text}` },
          },
        })),
    );
  }

  // The form follows the selection, so "select lines, then Tab to the form" anchors a comment.
  modified.onDidChangeCursorSelection((e) => {
    if (editing !== undefined) return;
    from.value = String(e.selection.startLineNumber);
    to.value = String(e.selection.endLineNumber);
  });
  fileSelect.addEventListener('change', () => show(fileSelect.value));

  function renderList(): void {
    listHeading.textContent = t.judgment.commentsHeading(comments.length);
    list.replaceChildren(
      ...(comments.length === 0
        ? [h('li', { class: 'meta' }, t.judgment.noComments)]
        : comments.map((c, i) => {
            const edit = h(
              'button',
              { type: 'button', class: 'link-button', 'data-edit': String(i) },
              t.judgment.editComment,
            );
            const remove = h(
              'button',
              { type: 'button', class: 'link-button', 'data-remove': String(i) },
              t.judgment.removeComment,
            );
            edit.addEventListener('click', () => startEdit(i));
            remove.addEventListener('click', () => removeAt(i));
            return h(
              'li',
              { class: 'judgment__comment', 'data-comment': String(i) },
              h('strong', {}, c.label),
              ' ',
              h('span', { class: 'badge' }, c.blocking ? t.judgment.blockingBadge : t.judgment.nonBlockingBadge),
              ' ',
              h('code', {}, t.judgment.anchor(c.file, c.startLine, c.endLine)),
              h('p', {}, c.text),
              h('span', { class: 'judgment__actions' }, edit, ' ', remove),
            );
          })),
    );
    decorate();
  }

  function startEdit(i: number): void {
    const c = comments[i];
    if (!c) return;
    editing = i;
    show(c.file);
    from.value = String(c.startLine);
    to.value = String(c.endLine);
    label.value = c.label;
    blocking.checked = c.blocking;
    text.value = c.text;
    formHeading.textContent = t.judgment.editCommentHeading;
    submitComment.textContent = t.judgment.saveComment;
    cancel.hidden = false;
    text.focus();
  }

  function stopEdit(): void {
    editing = undefined;
    formHeading.textContent = t.judgment.commentHeading;
    submitComment.textContent = t.judgment.addComment;
    cancel.hidden = true;
    text.value = '';
    formError.textContent = '';
  }

  function removeAt(i: number): void {
    comments.splice(i, 1);
    if (editing !== undefined) stopEdit();
    renderList();
    onChange();
    status.textContent = t.judgment.commentRemoved;
    // Keep the keyboard where it was: the next comment's Edit button, or the list heading when none is left.
    const next = list.querySelector<HTMLButtonElement>(`[data-edit="${Math.min(i, comments.length - 1)}"]`);
    (next ?? listHeading).focus();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const max = models.get(current)?.modified.getLineCount() ?? 1;
    const a = Number(from.value);
    const b = Number(to.value);
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < 1 || a > max || b > max) {
      formError.textContent = t.judgment.lineOutOfRange(max);
      from.focus();
      return;
    }
    const comment: ReviewComment = {
      file: current,
      startLine: Math.min(a, b),
      endLine: Math.max(a, b),
      label: label.value as ReviewLabel,
      blocking: blocking.checked,
      text: text.value.trim(),
    };
    if (editing === undefined) comments.push(comment);
    else comments[editing] = comment;
    stopEdit();
    renderList();
    onChange();
    status.textContent = t.judgment.commentAdded(comment.file, comment.startLine);
    text.focus();
  });
  cancel.addEventListener('click', () => {
    stopEdit();
    text.focus();
  });

  show(current);
  renderList();

  return {
    element,
    file: spec.file,
    value: () =>
      JSON.stringify(
        {
          comments,
          decision: (decisionRadios.find((r) => r.radio.checked)?.radio.value ?? null) as ReviewAnswer['decision'],
        } satisfies ReviewAnswer,
        null,
        2,
      ),
  };
}
