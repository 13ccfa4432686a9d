/**
 * The practices the two pillars teach, and which exercises train each one: the progress page's skill
 * view. An exercise may train several (the capstone trains most). An exercise that no practice lists
 * still shows, under "Other exercises", so a new exercise is never hidden from the learner.
 */
export interface Skill {
  id: string;
  title: string;
  /** Which pillar the practice belongs to, as the home page names them. */
  pillar: 'Code quality' | 'Architecture ownership' | 'Owning systems in production';
  /** Exercise slugs (folders under exercises/), in reading order. */
  exercises: readonly string[];
}

export const skills: readonly Skill[] = [
  {
    id: 'static-analysis',
    title: 'Static analysis as a gate',
    pillar: 'Code quality',
    exercises: ['lint-gate', 'module-boundaries', 'toggle-router'],
  },
  {
    id: 'meaningful-tests',
    title: 'Tests that catch real failures',
    pillar: 'Code quality',
    exercises: [
      'refund-mutation-tests',
      'payment-charge',
      'refund-fakes-contract',
      'rate-limiter-clock',
      'idempotent-retries',
      'capstone-retry-storm',
    ],
  },
  {
    id: 'review',
    title: 'Reviews, small changes and measured impact',
    pillar: 'Code quality',
    exercises: ['review-rate-limiter-pr', 'split-the-diff', 'delivery-metrics', 'capstone-retry-storm'],
  },
  {
    id: 'boundaries',
    title: 'Boundaries and what would break',
    pillar: 'Architecture ownership',
    exercises: [
      'module-boundaries',
      'nullable-field-impact',
      'nullable-field-migration',
      'feed-circuit-breaker',
      'toggle-router',
      'capstone-retry-storm',
    ],
  },
  {
    id: 'trade-offs',
    title: 'Trade-offs with numbers',
    pillar: 'Architecture ownership',
    exercises: ['cache-stampede', 'cache-decision', 'outbox-consumer', 'feed-dataloader'],
  },
  {
    id: 'documenting-decisions',
    title: 'Documenting decisions',
    pillar: 'Architecture ownership',
    exercises: ['cache-adr', 'capstone-retry-storm'],
  },
  {
    id: 'operating-in-production',
    title: 'Operating what you ship',
    pillar: 'Owning systems in production',
    exercises: [
      'slo-burn-rate-alerts',
      'observable-product-page',
      'blameless-incident-review',
      'api-field-deprecation',
      'resumable-backfill',
    ],
  },
  {
    id: 'engineering-judgment',
    title: 'Judgment calls: dependencies, design docs, debt',
    pillar: 'Owning systems in production',
    exercises: ['dependency-upgrade-calls', 'design-doc-critique', 'debt-and-mentoring-calls'],
  },
];
