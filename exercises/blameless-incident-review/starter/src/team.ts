/** Teams that can own an action item. An item owned by "everyone" is owned by no one. */
export const OWNERS = ['payments-platform', 'sre-oncall', 'config-tooling', 'observability'] as const;

/** The day of the incident; the review is due a week later. */
export const INCIDENT_DATE = '2026-02-17';
