/**
 * A learner's stored progress with something in every field the progress page shows and one review card
 * due now: for screenshots and axe on a page that is not empty. Times are relative to `now`.
 */
export function seededProgress(now = Date.now()): string {
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString();
  return JSON.stringify({
    version: 1,
    exercises: {
      'payment-charge': {
        status: 'passed',
        attempts: 4,
        firstAttemptAt: at(50),
        lastAttemptAt: at(26),
        passedAt: at(26),
        hintsUsed: 2,
        solutionViewedAt: at(27),
      },
      'lint-gate': {
        status: 'in-progress',
        attempts: 2,
        firstAttemptAt: at(5),
        lastAttemptAt: at(4),
        hintsUsed: 1,
        failing: { gate: 'Your config flags every bug fixture', clean: 'No errors on the clean fixtures' },
      },
    },
    lastLesson: { id: 'failure-first-payment-service', at: at(26) },
    reviews: {
      'payment-charge/scenarios/test:charge.test.ts:charge > a timeout queues reconciliation': {
        exercise: 'payment-charge',
        check: 'scenarios',
        checkTitle: 'charge() handles every bank outcome',
        kind: 'scenario',
        wrong: 'charge › a timeout gives Unknown and queues a reconciliation instead of retrying blindly',
        detail: 'expected [] to deep equal [ { id: "ch_1", reason: "timeout" } ]',
        seenAt: at(50),
        fixedAt: at(26),
        step: 0,
        dueAt: at(2),
        reviews: 0,
        correct: 0,
        updatedAt: at(26),
      },
    },
  });
}
