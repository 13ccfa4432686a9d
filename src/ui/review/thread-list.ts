import { t } from '../../i18n/index.ts';
import { commentSchema, threadSchema, type Thread } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { renderSafeMarkdown } from '../markdown/safe-markdown.ts';
import { call } from '../team/api.ts';

export interface ThreadListHandlers {
  /** Show a thread's lines in the code. */
  reveal(thread: Thread): void;
  /** A thread changed (a reply, resolved, reopened): re-read and redraw. */
  changed(): void;
}

/** A comment's Markdown, through the one safe renderer (no raw HTML, no script links). */
export function markdownBlock(source: string): HTMLElement {
  const block = h('div', { class: 'review-markdown' });
  block.innerHTML = renderSafeMarkdown(source);
  return block;
}

/** The threads on this revision, each with its comments, a reply form and resolve / reopen. */
export function renderThreads(threads: readonly Thread[], handlers: ThreadListHandlers): HTMLElement {
  if (threads.length === 0) return h('p', { class: 'meta' }, t.mentorReview.noThreads);
  return h('ol', { class: 'review-threads' }, ...threads.map((thread) => threadItem(thread, handlers)));
}

function threadItem(thread: Thread, handlers: ThreadListHandlers): HTMLElement {
  const where = thread.placement
    ? h(
        'button',
        { type: 'button', class: 'link-button', 'data-reveal': true },
        `${thread.file}:${lineRange(thread.placement.startLine, thread.placement.endLine)}`,
      )
    : h('span', { class: 'badge badge--outdated' }, t.mentorReview.outdated);
  if (thread.placement) where.addEventListener('click', () => handlers.reveal(thread));
  const status = h('p', { role: 'status', class: 'meta' });
  const body = h('textarea', { name: 'body', rows: '2', required: true, maxlength: '10000' });
  const reply = h(
    'form',
    { class: 'review-reply' },
    h('label', {}, t.mentorReview.replyBody, body),
    h('button', { type: 'submit', class: 'button button--secondary' }, t.mentorReview.reply),
  );
  reply.addEventListener('submit', (event) => {
    event.preventDefault();
    void call('POST', `/api/threads/${thread.id}/comments`, commentSchema, { body: body.value }).then(
      () => handlers.changed(),
      (e: unknown) => (status.textContent = e instanceof Error ? e.message : String(e)),
    );
  });
  const resolve = h(
    'button',
    { type: 'button', class: 'button button--secondary', 'data-resolve': true },
    thread.resolved ? t.mentorReview.reopen : t.mentorReview.resolve,
  );
  resolve.addEventListener('click', () => {
    void call('POST', `/api/threads/${thread.id}/resolve`, threadSchema, { resolved: !thread.resolved }).then(
      () => handlers.changed(),
      (e: unknown) => (status.textContent = e instanceof Error ? e.message : String(e)),
    );
  });
  return h(
    'li',
    {
      class: `review-thread${thread.resolved ? ' review-thread--resolved' : ''}`,
      'data-thread': thread.id,
      'data-line': thread.placement ? String(thread.placement.startLine) : 'outdated',
    },
    h(
      'p',
      { class: 'review-thread__head' },
      h('strong', { class: `review-label review-label--${thread.label}` }, thread.label),
      thread.blocking ? h('span', { class: 'badge badge--blocking' }, t.mentorReview.blockingBadge) : null,
      thread.resolved ? h('span', { class: 'badge' }, t.mentorReview.resolvedBadge) : null,
      ' ',
      where,
      thread.placement?.moved || !thread.placement
        ? h('span', { class: 'meta' }, t.mentorReview.writtenOn(thread.revision, thread.original.startLine))
        : null,
    ),
    thread.placement ? null : h('pre', { class: 'review-thread__was' }, thread.original.text),
    ...thread.comments.map((c) =>
      h(
        'div',
        { class: 'review-comment' },
        h(
          'p',
          { class: 'meta' },
          h('strong', {}, c.authorName),
          c.authorRole ? ` (${c.authorRole})` : '',
          ' · ',
          h('time', { datetime: c.createdAt }, new Date(c.createdAt).toLocaleString()),
        ),
        markdownBlock(c.body),
      ),
    ),
    reply,
    h('p', {}, resolve),
    status,
  );
}

export function lineRange(start: number, end: number): string {
  return start === end ? `${start}` : `${start}–${end}`;
}
