import {
  cohortSignalsSchema,
  disagreementListSchema,
  signatureCommentWithReachSchema,
  type Disagreement,
  type FailureSignature,
} from '../../shared-api/review-api.ts';
import type { z } from 'astro/zod';
import { h } from '../dom.ts';
import { renderSafeMarkdown } from '../markdown/safe-markdown.ts';
import { base, call } from './api.ts';
import { t } from '../../i18n/index.ts';
import { onSubmit } from './forms.ts';

/**
 * /team/signals/?cohort=<id>: a cohort's shared failures with a composer to explain one to everyone who
 * has it, the explanations with their reach, and the disagreements to export as fixtures. Thin: the
 * server counts, matches and packs; this page only shows and asks.
 */
type Signals = z.infer<typeof cohortSignalsSchema>;
type Target = { exercise: string; signature: FailureSignature };

const root = document.querySelector<HTMLElement>('[data-signals-page]');
const status = document.querySelector<HTMLElement>('[data-signals-status]');
const composer = document.querySelector<HTMLFormElement>('[data-signature-composer]');
const cohort = new URLSearchParams(location.search).get('cohort') ?? '';
let target: Target | undefined;

const KIND_NAMES: Record<FailureSignature['kind'], string> = t.signals.kinds;

async function render(): Promise<void> {
  if (!root) return;
  const [signals, { disagreements }] = await Promise.all([
    call('GET', `/api/cohorts/${encodeURIComponent(cohort)}/signals`, cohortSignalsSchema),
    call('GET', `/api/cohorts/${encodeURIComponent(cohort)}/disagreements`, disagreementListSchema),
  ]);
  root.hidden = false;
  root.querySelector('[data-signature-table]')?.replaceChildren(signatureTable(signals));
  root.querySelector('[data-signature-comments]')?.replaceChildren(commentList(signals));
  root.querySelector('[data-disagreements]')?.replaceChildren(disagreementTable(disagreements));
}

function failureText(s: FailureSignature): string {
  return `${s.checkId}: ${s.value}`;
}

function signatureTable({ signatures }: Signals): HTMLElement {
  if (signatures.length === 0) return h('p', {}, t.signals.noFailures);
  return h(
    'table',
    { 'data-signatures': true },
    h('caption', {}, t.signals.failuresCaption),
    h('thead', {}, h('tr', {}, ...t.signals.failureColumns.map((name) => h('th', { scope: 'col' }, name)))),
    h(
      'tbody',
      {},
      ...signatures.map((row) => {
        const button = h(
          'button',
          { type: 'button', class: 'button button--secondary' },
          // The visible words start the name (WCAG 2.5.3); the hidden rest says which failure it is.
          t.signals.commentOnFailure,
          h('span', { class: 'visually-hidden' }, `: ${failureText(row.signature)}`),
        );
        button.addEventListener('click', () => openComposer({ exercise: row.exercise, signature: row.signature }));
        return h(
          'tr',
          { 'data-signature': failureText(row.signature) },
          h('td', {}, row.exercise),
          h('td', {}, KIND_NAMES[row.signature.kind]),
          h('th', { scope: 'row' }, h('code', {}, failureText(row.signature))),
          h('td', { class: 'signals__count' }, String(row.learners)),
          h('td', {}, button),
        );
      }),
    ),
  );
}

function openComposer(next: Target): void {
  if (!composer) return;
  target = next;
  composer.hidden = false;
  composer
    .querySelector('[data-composer-target]')
    ?.replaceChildren(
      t.signals.composerTarget(KIND_NAMES[next.signature.kind], next.exercise),
      h('code', {}, failureText(next.signature)),
    );
  composer.querySelector<HTMLElement>('#composer-heading')?.focus();
}

onSubmit(composer, async (values) => {
  if (!target) return t.signals.pickFailure;
  const created = await call(
    'POST',
    `/api/cohorts/${encodeURIComponent(cohort)}/signature-comments`,
    signatureCommentWithReachSchema,
    { exercise: target.exercise, signature: target.signature, label: values['label'], body: values['body'] },
  );
  composer?.reset();
  await render();
  return t.signals.posted(t.signals.learners(created.reach));
});

function commentList({ comments }: Signals): HTMLElement {
  if (comments.length === 0) return h('p', {}, t.signals.noComments);
  return h(
    'ul',
    { class: 'signals__comments' },
    ...comments.map((c) => {
      const body = h('div', { class: 'prose' });
      body.innerHTML = renderSafeMarkdown(c.body);
      return h(
        'li',
        { class: 'signals__comment', 'data-signature-comment': c.id },
        h('p', {}, h('span', { class: 'badge' }, c.label), ' ', h('code', {}, failureText(c.signature))),
        h(
          'p',
          { class: 'meta' },
          `${c.exercise} · ${c.authorName} · `,
          h('strong', { 'data-reach': String(c.reach) }, t.signals.reached(t.signals.learners(c.reach))),
        ),
        body,
      );
    }),
  );
}

function disagreementTable(disagreements: Disagreement[]): HTMLElement {
  if (disagreements.length === 0) return h('p', {}, t.signals.noDisagreements);
  return h(
    'table',
    { 'data-disagreement-list': true },
    h('caption', {}, t.signals.disagreementsCaption),
    h('thead', {}, h('tr', {}, ...t.signals.disagreementColumns.map((name) => h('th', { scope: 'col' }, name)))),
    h(
      'tbody',
      {},
      ...disagreements.map((d) =>
        h(
          'tr',
          { 'data-disagreement': d.kind },
          h('th', { scope: 'row' }, d.learnerName),
          h('td', {}, d.exercise),
          h('td', {}, String(d.revision)),
          h(
            'td',
            {},
            d.kind === 'verdict-mismatch'
              ? t.signals.verdictMismatch(d.browserVerdict, d.serverVerdict)
              : t.signals.rejectedPass,
          ),
          h('td', {}, d.kind === 'verdict-mismatch' ? t.signals.checks(d.checks) : d.note || t.signals.noNote),
          h(
            'td',
            {},
            h(
              'a',
              {
                href: `${base}api/submissions/${encodeURIComponent(d.submissionId)}/fixture?kind=${d.kind}`,
                download: true,
              },
              t.signals.exportFixture,
              h('span', { class: 'visually-hidden' }, t.signals.exportFixtureOf(d.learnerName, d.revision, d.exercise)),
            ),
          ),
        ),
      ),
    ),
  );
}

if (!cohort) {
  if (status) status.textContent = t.signals.needsCohort;
} else {
  render().catch((error: unknown) => {
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
  });
}
