import { describe, expect, it } from 'vitest';
import { review } from '../src/review';
import { INCIDENT_DATE, OWNERS } from '../src/team';

/** The contributing factors the timeline supports: a category and the entries where it shows. */
const KEY = [
  { category: 'no-staged-rollout', anchors: ['T2'] },
  { category: 'missing-guardrail', anchors: ['T3', 'T1'] },
  { category: 'slow-detection', anchors: ['T4'] },
  { category: 'stale-runbook', anchors: ['T5', 'T6'] },
  { category: 'slow-rollback', anchors: ['T7', 'T8'] },
];
const hits = (f: { anchor: string; category: string }) =>
  KEY.some((k) => k.category === f.category && k.anchors.includes(f.anchor));

/** Phrases that judge a person instead of describing the system (after Allspaw, and the SRE book ch. 15). */
const BLAME = [/human error/i, /should have/i, /careless/i, /failed to/i, /be more careful/i, /\bblame/i, /\bfault\b/i, /negligen/i];
const PEOPLE = ['Dana', 'Priya', 'Sam'];
const texts = (): string[] => [
  review.summary,
  ...review.contributingFactors.map((f) => f.description),
  ...review.actionItems.map((a) => a.title),
];

describe('contributing factors, matched against the timeline', () => {
  it('finds at least four of the five factors the timeline supports', () => {
    const found = KEY.filter((k) => review.contributingFactors.some((f) => f.category === k.category && k.anchors.includes(f.anchor)));
    expect(found.map((k) => k.category).length).toBeGreaterThanOrEqual(4);
  });

  it('keeps at least 75% of its factors on what the timeline supports, not on who acted', () => {
    const factors = review.contributingFactors;
    const precision = factors.length === 0 ? 0 : factors.filter(hits).length / factors.length;
    expect(precision).toBeGreaterThanOrEqual(0.75);
  });
});

describe('action items that will get done', () => {
  it('gives each one a single owning team from the roster', () => {
    const unowned = review.actionItems.filter((a) => !(OWNERS as readonly string[]).includes(a.owner));
    expect(unowned.map((a) => `${a.id}: "${a.owner}"`)).toEqual([]);
  });

  it('dates each one, after the incident and within 90 days of it', () => {
    const start = Date.parse(`${INCIDENT_DATE}T00:00:00Z`);
    const bad = review.actionItems.filter((a) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a.due)) return true;
      const due = Date.parse(`${a.due}T00:00:00Z`);
      return Number.isNaN(due) || due <= start || due > start + 90 * 86_400_000;
    });
    expect(bad.map((a) => `${a.id}: "${a.due}"`)).toEqual([]);
  });

  it('addresses every contributing factor it names with at least one action item', () => {
    const addressed = new Set(review.actionItems.flatMap((a) => a.addresses));
    const orphans = review.contributingFactors.filter((f) => !addressed.has(f.id));
    expect(orphans.map((f) => f.id)).toEqual([]);
  });
});

describe('blameless language', () => {
  it('describes the system, with no phrase that judges a person', () => {
    const found = texts().flatMap((t) => BLAME.filter((re) => re.test(t)).map((re) => `${re.source} in "${t.slice(0, 60)}…"`));
    expect(found).toEqual([]);
  });

  it('names roles, not people: "the on-call engineer", never Dana', () => {
    const named = texts().flatMap((t) => PEOPLE.filter((p) => new RegExp(`\\b${p}\\b`).test(t)));
    expect(named).toEqual([]);
  });
});
