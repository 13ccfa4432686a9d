import { t } from '../../i18n/index.ts';
import type { Thread } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { renderSafeMarkdown } from '../markdown/safe-markdown.ts';
import type { Feedback, SignatureComment } from './feedback-state.ts';

export interface FeedbackPanelActions {
  /** Sends a reply; resolves once it is stored (the panel is then shown again by the caller). */
  reply(threadId: string, body: string): Promise<void>;
  /** Puts the editor on the thread's lines. */
  goTo(thread: Thread): void;
}

/**
 * The list beside the workbench: the mentor's decision, then each thread (label, blocking, where, the
 * comments, a reply box; outdated ones with the code they were written on), then comments on failures.
 * A view only: feedback-state.ts fetches, mount-feedback.ts decides what is drawn on the editor.
 */
export class FeedbackPanel {
  readonly #host: HTMLElement;
  readonly #actions: FeedbackPanelActions;
  readonly #id: string;
  #open = false;

  constructor(host: HTMLElement, slug: string, actions: FeedbackPanelActions) {
    this.#host = host;
    this.#actions = actions;
    this.#id = `feedback-${slug}`;
  }

  show(feedback: Feedback): void {
    const { submission, threads, decision, signatureComments } = feedback;
    const count = threads.length + signatureComments.length;
    const list = h('div', { id: `${this.#id}-list`, class: 'feedback__list', 'data-feedback-list': true });
    list.hidden = !this.#open;
    const toggle = h(
      'button',
      {
        type: 'button',
        class: 'button button--secondary',
        'aria-expanded': String(this.#open),
        'aria-controls': list.id,
        'data-feedback-toggle': true,
      },
      // A stable name: aria-expanded says whether the list is open.
      t.feedback.toggle(count),
    );
    toggle.disabled = count === 0;
    toggle.addEventListener('click', () => {
      this.#open = !this.#open;
      list.hidden = !this.#open;
      toggle.setAttribute('aria-expanded', String(this.#open));
    });
    list.append(
      threads.length > 0
        ? h('ol', { class: 'feedback__threads' }, ...threads.map((thread) => this.#thread(thread, submission.revision)))
        : h('p', { class: 'meta' }, t.feedback.noThreads),
      ...this.#signatureComments(signatureComments),
    );
    if (feedback.signatureError)
      list.append(h('p', { class: 'meta' }, t.feedback.signatureError(feedback.signatureError)));
    this.#host.replaceChildren(
      h(
        'section',
        { class: 'feedback', 'aria-labelledby': `${this.#id}-heading`, 'data-feedback': true },
        h('h3', { id: `${this.#id}-heading` }, t.feedback.heading(submission.revision)),
        decision
          ? h(
              'div',
              {
                class: `feedback__decision feedback__decision--${decision.decision}`,
                'data-decision': decision.decision,
              },
              h(
                'p',
                {},
                h('strong', {}, decision.decision === 'approve' ? t.feedback.approved : t.feedback.changesRequested),
                t.feedback.by(decision.mentorName),
                decision.revision === submission.revision ? '' : t.feedback.onRevision(decision.revision),
                ` · ${new Date(decision.createdAt).toLocaleString()}`,
              ),
              decision.body ? markdownBody(decision.body) : null,
            )
          : h('p', { class: 'meta', 'data-decision': 'none' }, t.feedback.noDecision),
        h('p', {}, toggle),
        list,
      ),
    );
    this.#host.hidden = false;
  }

  #thread(thread: Thread, revision: number): HTMLLIElement {
    const where = thread.placement;
    const head = h(
      'p',
      { class: 'feedback__head' },
      h('span', { class: 'badge', 'data-label': thread.label }, thread.label),
      thread.blocking ? h('span', { class: 'badge badge--blocking' }, t.feedback.blocking) : null,
      thread.resolved ? h('span', { class: 'badge' }, t.feedback.resolved) : null,
      where ? null : h('span', { class: 'badge badge--outdated', 'data-outdated': true }, t.feedback.outdated),
      ' ',
    );
    if (where) {
      const go = h(
        'button',
        { type: 'button', class: 'link-button', 'data-go-to-line': String(where.startLine) },
        `${thread.file}, ${lineText(where.startLine, where.endLine)}`,
      );
      go.addEventListener('click', () => this.#actions.goTo(thread));
      head.append(go);
    } else head.append(h('span', {}, thread.file));
    const item = h(
      'li',
      { class: 'feedback__thread', 'data-thread': thread.id },
      head,
      where
        ? null
        : h(
            'div',
            { class: 'feedback__outdated' },
            h(
              'p',
              { class: 'meta' },
              t.feedback.outdatedNote(
                revision,
                thread.revision,
                lineText(thread.original.startLine, thread.original.endLine),
              ),
            ),
            h('pre', { class: 'feedback__original', tabindex: '0' }, h('code', {}, thread.original.text)),
          ),
      h(
        'ol',
        { class: 'feedback__comments', 'aria-label': `Comments on ${thread.file}` },
        ...thread.comments.map((c) =>
          h(
            'li',
            { 'data-comment': c.id },
            h('p', { class: 'meta' }, h('strong', {}, c.authorName), ` (${c.authorRole}) · `, time(c.createdAt)),
            markdownBody(c.body),
          ),
        ),
      ),
      this.#replyForm(thread),
    );
    return item;
  }

  #replyForm(thread: Thread): HTMLFormElement {
    const id = `${this.#id}-reply-${thread.id}`;
    const text = h('textarea', { id, rows: '3', required: true, 'data-reply-text': true });
    const button = h('button', { type: 'submit', class: 'button' }, t.feedback.reply);
    const status = h('p', { class: 'meta', role: 'status' });
    const form = h(
      'form',
      { class: 'feedback__reply', 'data-reply': thread.id },
      h('label', { for: id }, t.feedback.yourReply),
      text,
      h('p', {}, button),
      status,
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!text.value.trim()) return;
      button.disabled = true;
      status.textContent = t.feedback.sending;
      this.#actions.reply(thread.id, text.value).then(
        // The list was drawn again with the reply in it: the keyboard goes to the reply, not the page top.
        () => this.#focusLastComment(thread.id),
        (error: unknown) => {
          status.textContent = t.feedback.notSent(error instanceof Error ? error.message : String(error));
          button.disabled = false;
        },
      );
    });
    return form;
  }

  #focusLastComment(threadId: string): void {
    const comments = this.#host.querySelectorAll<HTMLElement>(`[data-thread="${CSS.escape(threadId)}"] [data-comment]`);
    const last = comments[comments.length - 1];
    if (!last) return;
    last.tabIndex = -1;
    last.focus();
  }

  #signatureComments(comments: readonly SignatureComment[]): Node[] {
    if (comments.length === 0) return [];
    return [
      h('h4', {}, t.feedback.onFailure),
      h(
        'ul',
        { class: 'feedback__threads' },
        ...comments.map((c) =>
          h(
            'li',
            { class: 'feedback__thread', 'data-signature-comment': c.id },
            h(
              'p',
              { class: 'feedback__head' },
              h('span', { class: 'badge' }, c.label),
              ' ',
              h('code', {}, `${c.signature.checkId}: ${c.signature.value}`),
            ),
            h('p', { class: 'meta' }, h('strong', {}, c.authorName), ' · ', time(c.createdAt)),
            markdownBody(c.body),
          ),
        ),
      ),
    ];
  }
}

function lineText(start: number, end: number): string {
  return t.feedback.lines(start, end);
}

function time(iso: string): HTMLTimeElement {
  return h('time', { datetime: iso }, new Date(iso).toLocaleString());
}

/** A person's Markdown through the one safe renderer (raw HTML shown as text, unsafe links dropped). */
function markdownBody(text: string): HTMLElement {
  const body = h('div', { class: 'feedback__body' });
  body.innerHTML = renderSafeMarkdown(text);
  return body;
}
