/**
 * Entry of the review queue on the home and progress pages. Light on purpose: it looks at the stored
 * record without the schema library and loads the queue itself (storage, schedule, rendering) only when
 * there is a card to show, so the home page stays as small as before for a learner with nothing due.
 */
const KEY = 'craftpath:progress';

function hasCards(compact: boolean): boolean {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? 'null') as {
      reviews?: Record<string, { dueAt?: unknown }>;
    } | null;
    const cards = Object.values(data?.reviews ?? {});
    if (!compact) return cards.length > 0;
    const now = Date.now();
    return cards.some((c) => typeof c.dueAt === 'string' && Date.parse(c.dueAt) <= now);
  } catch {
    // Unreadable: the progress page's store explains it; the home page shows nothing.
    return !compact;
  }
}

for (const section of document.querySelectorAll<HTMLElement>('[data-review-queue]')) {
  const compact = section.dataset['compact'] !== undefined;
  if (!hasCards(compact)) continue;
  void import('./review-cards.ts').then(({ mountReviewQueue }) => mountReviewQueue(section));
}
