import { describe, expect, it } from 'vitest';
import { dueText, gradingText, pollDelay } from '../../src/ui/team/assignment-text.ts';
import type { Submission } from '../../src/shared-api/assignments-api.ts';
import { verdictText } from '../../src/ui/exercise/results-view.ts';

const now = new Date(2026, 11, 1, 15, 0);
const at = (days: number, hour = 12) => new Date(2026, 11, 1 + days, hour).toISOString();

describe('assignment wording', () => {
  it('says how far away the due date is in calendar days', () => {
    expect(dueText(at(3), now)).toBe('due in 3 days');
    expect(dueText(at(1, 9), now)).toBe('due tomorrow');
    expect(dueText(at(0, 23), now)).toBe('due today');
    expect(dueText(at(0, 9), now)).toBe('was due today');
    expect(dueText(at(-1), now)).toBe('was due yesterday');
    expect(dueText(at(-4), now)).toBe('was due 4 days ago');
  });

  const base: Submission = {
    id: 's',
    assignmentId: 'a',
    userId: 'u',
    learnerName: 'Lea',
    exercise: 'lint-gate',
    revision: 2,
    submittedAt: now.toISOString(),
    late: false,
    contentHash: 'h',
    engineVersions: {},
    files: {},
    browserReport: null,
    serverReports: [],
    grading: { state: 'queued', queuePosition: 3, attempts: 0, error: null },
    verdict: null,
  };

  it('tells a waiting learner their place in the queue, then the verdict with what failed', () => {
    expect(gradingText(base)).toBe('Revision 2: waiting for the grader, 3 submissions ahead.');
    expect(gradingText({ ...base, grading: { state: 'running', queuePosition: 0, attempts: 1, error: null } })).toMatch(
      /grading it now/,
    );
    const report = {
      version: 1 as const,
      exercise: 'lint-gate',
      engine: 'node' as const,
      startedAt: now.toISOString(),
      durationMs: 1,
      verdict: 'fail' as const,
      checks: [
        {
          id: 'gate',
          kind: 'lint',
          title: 'The gate flags bugs',
          status: 'fail' as const,
          summary: 'x',
          durationMs: 1,
        },
      ],
    };
    const graded = {
      ...base,
      serverReports: [
        { id: 'r', contentHash: 'h', current: true, engineVersions: {}, report, mismatch: [], gradedAt: '' },
      ],
    };
    expect(gradingText(graded)).toBe('Server verdict for revision 2: did not pass (The gate flags bugs).');
  });

  it('backs off polling to every 10 seconds', () => {
    expect([0, 1, 2, 10].map(pollDelay)).toEqual([1000, 1500, 2250, 10_000]);
  });

  it('does not call a browser run with no checks a pass (a team-mode exercise graded only on the server)', () => {
    const empty = {
      version: 1 as const,
      exercise: 'lint-gate',
      engine: 'worker' as const,
      startedAt: now.toISOString(),
      durationMs: 1,
      verdict: 'pass' as const,
      checks: [],
    };
    expect(verdictText(empty)).toMatch(/runs on the server when you submit/);
  });
});
