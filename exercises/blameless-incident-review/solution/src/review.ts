import type { IncidentReview } from './review-types';

export const review: IncidentReview = {
  summary:
    'For 48 minutes about 40% of checkout attempts failed (about 31,000 in all) after a pool size change exhausted the payments database connections. The change reached every region at once, nothing checked it against the database limit, and detection, diagnosis and the revert each took longer than they needed to.',
  contributingFactors: [
    {
      id: 'all-regions',
      anchor: 'T2',
      category: 'no-staged-rollout',
      description: 'Config changes skip the canary stage that code changes go through, so the change reached every region at once.',
    },
    {
      id: 'pool-limit',
      anchor: 'T3',
      category: 'missing-guardrail',
      description: 'Nothing compares the sum of the pools of the services sharing a database with its max_connections.',
    },
    {
      id: 'late-alert',
      anchor: 'T4',
      category: 'slow-detection',
      description: 'The error-rate alert averages over 10 minutes, so it fired 11 minutes after checkout started failing.',
    },
    {
      id: 'runbook',
      anchor: 'T5',
      category: 'stale-runbook',
      description: 'The runbook pointed at a deleted dashboard, leaving the on-call engineer no way to tell pool exhaustion from a failing primary.',
    },
    {
      id: 'revert-approvals',
      anchor: 'T7',
      category: 'slow-rollback',
      description: 'Reverting a config change needs the same two approvals as making one, which added 12 minutes.',
    },
  ],
  actionItems: [
    {
      id: 'config-canary',
      title: 'Route config changes through the canary stage, one region first, with an automatic hold on error rate',
      owner: 'config-tooling',
      due: '2026-03-31',
      addresses: ['all-regions'],
    },
    {
      id: 'pool-check',
      title: 'Fail the config pipeline when the pools of all services on a database exceed 80% of its max_connections',
      owner: 'payments-platform',
      due: '2026-03-13',
      addresses: ['pool-limit'],
    },
    {
      id: 'burn-rate-alert',
      title: 'Replace the 10-minute error-rate alert with burn-rate alerts on the checkout SLO (1 h and 5 min windows)',
      owner: 'observability',
      due: '2026-03-06',
      addresses: ['late-alert'],
    },
    {
      id: 'runbook-dashboard',
      title: 'Restore the connection dashboard, link it from the runbook, and add a step that checks pool usage before any failover',
      owner: 'sre-oncall',
      due: '2026-02-27',
      addresses: ['runbook'],
    },
    {
      id: 'one-click-revert',
      title: 'Let one approver revert the last config change, with the revert recorded for review afterwards',
      owner: 'config-tooling',
      due: '2026-03-20',
      addresses: ['revert-approvals'],
    },
  ],
};
