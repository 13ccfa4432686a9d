import { describe, expect, it } from 'vitest';
import type { AssignmentCell, CellStatus, Dashboard } from '../../src/shared-api/dashboard-api.ts';
import { daysAgoText, ruleSentence, visibleLearners } from '../../src/ui/dashboard/table-view.ts';

const cell = (status: CellStatus, attempts = 0): AssignmentCell => ({
  assignmentId: 'a1',
  status,
  attempts,
  lastActivity: null,
  failingChecks: [],
  stuck: [],
  exercises: [],
});
const learner = (name: string, status: CellStatus, attempts: number, stuck = false) => ({
  userId: name,
  name,
  email: `${name.toLowerCase()}@example.com`,
  stuck,
  cells: [cell(status, attempts)],
});
const dashboard: Dashboard = {
  cohortId: 'c',
  cohortName: 'C',
  stuckRule: { rule: { failingSubmissions: 3, idleDays: 5 }, isDefault: true },
  assignments: [{ id: 'a1', title: 'A', exercises: ['x'], opensAt: '', dueAt: '' }],
  learners: [
    learner('Cy', 'submitted', 3, true),
    learner('Ada', 'approved', 1),
    learner('Ben', 'not-started', 0),
    learner('Dee', 'submitted', 1),
  ],
  page: 1,
  pageSize: 50,
  totalLearners: 4,
  computedAt: '2026-12-01T00:00:00.000Z',
};
const names = (...args: Parameters<typeof visibleLearners>) => visibleLearners(...args).map((l) => l.name);
const all = { status: '' as const, stuckOnly: false, text: '' };

describe('dashboard table view', () => {
  it('sorts by name, by an assignment’s progress then attempts, and by stuck, both ways', () => {
    expect(names(dashboard, all, { column: 'name', direction: 'ascending' })).toEqual(['Ada', 'Ben', 'Cy', 'Dee']);
    expect(names(dashboard, all, { column: 'a1', direction: 'ascending' })).toEqual(['Ben', 'Dee', 'Cy', 'Ada']);
    expect(names(dashboard, all, { column: 'a1', direction: 'descending' })).toEqual(['Ada', 'Cy', 'Dee', 'Ben']);
    expect(names(dashboard, all, { column: 'stuck', direction: 'ascending' })[0]).toBe('Cy');
  });

  it('filters by status, stuck and text in name or email', () => {
    const sort = { column: 'name', direction: 'ascending' } as const;
    expect(names(dashboard, { ...all, status: 'submitted' }, sort)).toEqual(['Cy', 'Dee']);
    expect(names(dashboard, { ...all, stuckOnly: true }, sort)).toEqual(['Cy']);
    expect(names(dashboard, { ...all, text: 'ADA@' }, sort)).toEqual(['Ada']);
  });

  it('says what stuck means, and when the default applies', () => {
    expect(ruleSentence({ failingSubmissions: 3, idleDays: 5 }, true)).toBe(
      'Stuck means 3 failing server verdicts in a row on one exercise, or 5 days without activity on unfinished work (the default; this cohort has not set its own rule).',
    );
    expect(ruleSentence({ failingSubmissions: 1, idleDays: null }, false)).toBe(
      'Stuck means 1 failing server verdict in a row on one exercise.',
    );
    expect(ruleSentence({ failingSubmissions: null, idleDays: null }, false)).toMatch(/^Nobody is marked stuck/);
    const now = new Date('2026-12-10T12:00:00Z');
    expect(
      ['2026-12-10T01:00:00Z', '2026-12-09T06:00:00Z', '2026-12-05T12:00:00Z'].map((t) => daysAgoText(t, now)),
    ).toEqual(['today', 'yesterday', '5 days ago']);
  });
});
