import { t } from '../../i18n/index.ts';
import { commentLabelSchema, threadSchema, type Thread } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { call } from '../team/api.ts';

/**
 * The mentor's form for a new line comment: which lines (filled from the selection or a gutter click,
 * editable by keyboard), a Conventional Comments label, blocking or not, and the Markdown body.
 */
export class CommentComposer {
  readonly element: HTMLFormElement;
  readonly #file = h('output', { name: 'file' });
  readonly #from = h('input', { type: 'number', name: 'startLine', min: '1', required: true, value: '1' });
  readonly #to = h('input', { type: 'number', name: 'endLine', min: '1', required: true, value: '1' });
  readonly #label = h(
    'select',
    { name: 'label' },
    ...commentLabelSchema.options.map((l) => h('option', { value: l, selected: l === 'issue' }, l)),
  );
  readonly #blocking = h('input', { type: 'checkbox', name: 'blocking' });
  readonly #body = h('textarea', { name: 'body', rows: '4', required: true, maxlength: '10000' });
  readonly #status = h('p', { role: 'status' });
  #path = '';

  constructor(submissionId: string, onCreated: (thread: Thread) => void) {
    this.element = h(
      'form',
      { class: 'review-composer', 'data-composer': true, 'aria-labelledby': 'composer-heading' },
      h('h2', { id: 'composer-heading' }, t.mentorReview.composerHeading),
      h('p', {}, t.mentorReview.composerFile, this.#file),
      h(
        'div',
        { class: 'review-composer__lines' },
        h('label', {}, t.mentorReview.fromLine, this.#from),
        h('label', {}, t.mentorReview.toLine, this.#to),
      ),
      h('label', {}, t.mentorReview.label, this.#label),
      h('label', { class: 'review-composer__check' }, this.#blocking, t.mentorReview.blockingCheckbox),
      h('label', {}, t.mentorReview.commentBody, this.#body),
      h('button', { type: 'submit', class: 'button' }, t.mentorReview.addComment),
      this.#status,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      const body = {
        file: this.#path,
        lines: { startLine: Number(this.#from.value), endLine: Number(this.#to.value) },
        label: this.#label.value,
        blocking: this.#blocking.checked,
        body: this.#body.value,
      };
      void call('POST', `/api/submissions/${submissionId}/threads`, threadSchema, body).then(
        (thread) => {
          this.#body.value = '';
          this.#blocking.checked = false;
          this.#status.textContent = t.mentorReview.commentAdded(thread.file, thread.original.startLine);
          onCreated(thread);
        },
        (e: unknown) => (this.#status.textContent = e instanceof Error ? e.message : String(e)),
      );
    });
  }

  /** Points the form at lines of a file; `focus` moves the keyboard to the comment (a gutter click). */
  setLines(file: string, startLine: number, endLine: number, lineCount: number, focus = false): void {
    this.#path = file;
    this.#file.textContent = file;
    this.#from.max = this.#to.max = String(lineCount);
    this.#from.value = String(startLine);
    this.#to.value = String(endLine);
    if (focus) this.#body.focus();
  }
}
