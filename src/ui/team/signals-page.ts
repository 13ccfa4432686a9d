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

const KIND_NAMES: Record<FailureSignature['kind'], string> = {
  test: 'Failing test',
  lint: 'Lint rule',
  defect: 'Missed defect',
  type: 'Type error',
};

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
  if (signatures.length === 0) return h('p', {}, 'No current revision in this cohort fails a check.');
  return h(
    'table',
    { 'data-signatures': true },
    h('caption', {}, 'Failures of the learners’ current revisions, most common first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Exercise', 'Kind', 'Failure', 'Learners', 'Explain'].map((name) => h('th', { scope: 'col' }, name)),
      ),
    ),
    h(
      'tbody',
      {},
      ...signatures.map((row) => {
        const button = h(
          'button',
          { type: 'button', class: 'button button--secondary' },
          // The visible words start the name (WCAG 2.5.3); the hidden rest says which failure it is.
          'Comment on this failure',
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
      `${KIND_NAMES[next.signature.kind]} in ${next.exercise}: `,
      h('code', {}, failureText(next.signature)),
    );
  composer.querySelector<HTMLElement>('#composer-heading')?.focus();
}

onSubmit(composer, async (values) => {
  if (!target) return 'Pick a failure in the table first.';
  const created = await call(
    'POST',
    `/api/cohorts/${encodeURIComponent(cohort)}/signature-comments`,
    signatureCommentWithReachSchema,
    { exercise: target.exercise, signature: target.signature, label: values['label'], body: values['body'] },
  );
  composer?.reset();
  await render();
  return `Posted. It reached ${learnerCount(created.reach)} now, and will reach whoever fails this way next.`;
});

function learnerCount(n: number): string {
  return n === 1 ? '1 learner' : `${n} learners`;
}

function commentList({ comments }: Signals): HTMLElement {
  if (comments.length === 0) return h('p', {}, 'No comments on failures yet.');
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
          h('strong', { 'data-reach': String(c.reach) }, `reached ${learnerCount(c.reach)}`),
        ),
        body,
      );
    }),
  );
}

function disagreementTable(disagreements: Disagreement[]): HTMLElement {
  if (disagreements.length === 0) return h('p', {}, 'No disagreements: the engines and the mentors agree.');
  return h(
    'table',
    { 'data-disagreement-list': true },
    h('caption', {}, 'Disagreements, newest first'),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...['Learner', 'Exercise', 'Revision', 'What disagrees', 'Details', 'Fixture'].map((name) =>
          h('th', { scope: 'col' }, name),
        ),
      ),
    ),
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
              ? `Browser ${d.browserVerdict ?? 'sent no report'}, server ${d.serverVerdict}`
              : `Passes every check; changes requested`,
          ),
          h('td', {}, d.kind === 'verdict-mismatch' ? `Checks: ${d.checks.join(', ')}` : d.note || '(no note)'),
          h(
            'td',
            {},
            h(
              'a',
              {
                href: `${base}api/submissions/${encodeURIComponent(d.submissionId)}/fixture?kind=${d.kind}`,
                download: true,
              },
              'Export as fixture',
              h('span', { class: 'visually-hidden' }, `: ${d.learnerName}’s revision ${d.revision} of ${d.exercise}`),
            ),
          ),
        ),
      ),
    ),
  );
}

if (!cohort) {
  if (status) status.textContent = 'Open this page from a cohort on the team page.';
} else {
  render().catch((error: unknown) => {
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
  });
}
