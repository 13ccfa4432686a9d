import { ProgressStore } from '../../runtime/storage/progress.ts';
import type { ReviewCard } from '../../runtime/review/review-card.ts';
import { answer, dueCards, intervalDays, upcomingCards } from '../../runtime/review/schedule.ts';
import { t } from '../../i18n/index.ts';
import { button } from '../button.ts';
import { h } from '../dom.ts';
import { formatDate } from './format.ts';

type Names = Record<string, { title: string; lesson: string }>;

/**
 * The review queue: the due cards, each with what went wrong, the principle behind it (revealed on
 * request, so the learner tries to recall it first), a link to the exercise at that check, and two
 * answers that move the card on (1, 3, 7, 21 days) or back to the first interval. Thin: scheduling is
 * src/runtime/review/schedule.ts, storage the ProgressStore.
 */
export function mountReviewQueue(section: HTMLElement): void {
  const list = section.querySelector<HTMLElement>('[data-review-cards]');
  const status = section.querySelector<HTMLElement>('[data-review-status]');
  if (!list || !status) return;
  const cardList = list;
  const statusLine = status;
  const names = JSON.parse(section.dataset['exercises'] ?? '{}') as Names;
  const base = section.dataset['base'] ?? '/';
  const store = new ProgressStore(localStorage);
  const compact = section.dataset['compact'] !== undefined;

  function render(): void {
    const now = new Date();
    const cards = store.read().reviews;
    const due = dueCards(cards, now);
    const upcoming = upcomingCards(cards, now);
    // Cards answered in this visit stay in place with their outcome until the next visit.
    const answered = [...cardList.querySelectorAll<HTMLElement>('[data-card][data-answered]')];
    const lines = [due.length > 0 ? t.review.dueCount(due.length) : t.review.nothingDue];
    const next = upcoming[0]?.[1].dueAt;
    if (next) lines.push(t.review.upcoming(upcoming.length, formatDate(next)));
    if (!cards || Object.values(cards).every((c) => c.fixedAt === undefined))
      lines.splice(0, lines.length, t.review.empty);
    statusLine.textContent = lines.join(' ');
    const keep = new Set(answered.map((el) => el.dataset['card']));
    cardList.replaceChildren(
      ...answered,
      ...due.filter(([id]) => !keep.has(id)).map(([id, card]) => renderCard(id, card)),
    );
    section.hidden = compact && due.length === 0 && answered.length === 0;
  }

  function renderCard(id: string, card: ReviewCard): HTMLElement {
    const exercise = names[card.exercise];
    const headingId = `card-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
    const principle = h(
      'div',
      { class: 'review-card__principle', hidden: true },
      h('h4', {}, t.review.principleHeading),
      h('p', {}, t.review.principle[card.kind]),
      exercise
        ? h(
            'p',
            {},
            h(
              'a',
              {
                href: `${base}lessons/${exercise.lesson}/?exercise=${encodeURIComponent(card.exercise)}&check=${encodeURIComponent(card.check)}#exercise-${card.exercise}`,
                'data-card-link': true,
              },
              t.review.open,
            ),
          )
        : null,
    );
    const show = button(t.review.show, 'secondary', { 'data-card-show': true });
    const right = button(t.review.correct, 'primary', { 'data-card-correct': true });
    const wrong = button(t.review.wrong, 'secondary', { 'data-card-wrong': true });
    const answers = h('p', { class: 'button-row', hidden: true }, right, wrong);
    const outcome = h('p', { class: 'meta', role: 'status', 'data-card-outcome': true });
    const el = h(
      'li',
      { class: 'review-card', 'data-card': id, 'aria-labelledby': headingId },
      h('p', { class: 'eyebrow' }, t.review.kind[card.kind]),
      h('h3', { id: headingId }, card.wrong),
      h('p', { class: 'meta' }, t.review.inExercise(exercise?.title ?? card.exercise, card.checkTitle)),
      card.detail ? h('p', {}, card.detail) : null,
      principle,
      h('p', { class: 'button-row' }, show),
      answers,
      outcome,
    );
    show.addEventListener('click', () => {
      principle.hidden = false;
      answers.hidden = false;
      show.parentElement?.remove();
      right.focus();
    });
    const respond = (correct: boolean) => {
      const current = store.read().reviews?.[id] ?? card;
      const next = answer(current, correct, new Date());
      store.saveCard(id, next);
      el.dataset['answered'] = correct ? 'correct' : 'wrong';
      el.dataset['step'] = String(next.step);
      answers.remove();
      outcome.textContent = t.review.answered(intervalDays(next));
      render();
    };
    right.addEventListener('click', () => respond(true));
    wrong.addEventListener('click', () => respond(false));
    return el;
  }

  render();
}
