import { z } from 'astro/zod';

/**
 * The one result shape every engine returns (worker, Node, WebContainer). It is stored with saved
 * progress and will travel inside submissions to mentors, so it is versioned and validated on read.
 */
export const REPORT_VERSION = 1 as const;

/** Outcome of one check or of a whole run. `error` means the check could not run (bad config, crash). */
export const statusSchema = z.enum(['pass', 'fail', 'error', 'timeout']);
export type Status = z.infer<typeof statusSchema>;

export const lintProblemSchema = z
  .object({
    /** Path relative to the exercise workspace, with forward slashes. */
    file: z.string(),
    /** 1-based line and column, as ESLint reports them. */
    line: z.number().int().nonnegative(),
    column: z.number().int().nonnegative(),
    endLine: z.number().int().nonnegative().optional(),
    endColumn: z.number().int().nonnegative().optional(),
    /** Null for parse errors, which belong to no rule. */
    ruleId: z.string().nullable(),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    /** Link to the rule's documentation so the learner can read why it matters. */
    docsUrl: z.string().optional(),
  })
  .strict();
export type LintProblem = z.infer<typeof lintProblemSchema>;

export const testFailureSchema = z
  .object({
    /** Assertion message, without ANSI colour codes. */
    message: z.string(),
    /** Serialised expected and actual values when the assertion compared two values. */
    expected: z.string().optional(),
    actual: z.string().optional(),
    /** A unified "- Expected / + Received" diff, plain text. */
    diff: z.string().optional(),
    /** Location inside the learner's files, when it can be found from the stack. */
    file: z.string().optional(),
    line: z.number().int().optional(),
  })
  .strict();
export type TestFailure = z.infer<typeof testFailureSchema>;

/**
 * A snapshot the test run would write (`vitest -u`): one that did not match, or an inline one still empty.
 * The workbench's "Update snapshot" applies it (snapshot-update.ts) to the learner's file; data, so no view
 * parses it out of a failure message.
 */
export const snapshotUpdateSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('inline'),
      /** The test file holding the `toMatchInlineSnapshot(` / `toThrowErrorMatchingInlineSnapshot(` call. */
      file: z.string(),
      /** 1-based line and column of the call, from the stack. */
      line: z.number().int().positive(),
      column: z.number().int().positive(),
      /** The value as Vitest prints it for the snapshot, without the call's indentation. */
      value: z.string(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      /** The snapshot file, e.g. `src/__snapshots__/a.test.ts.snap`. */
      file: z.string(),
      /** The entry's key, e.g. `adds > one 1`. */
      key: z.string(),
      value: z.string(),
    })
    .strict(),
]);
export type SnapshotUpdate = z.infer<typeof snapshotUpdateSchema>;

export const testResultSchema = z
  .object({
    /** Test file, relative to the workspace. */
    file: z.string(),
    /** Enclosing `describe` names, outermost first. */
    suite: z.array(z.string()),
    name: z.string(),
    /** `timeout`: the test was still running when the run hit its time limit and was stopped. */
    status: z.enum(['pass', 'fail', 'skip', 'todo', 'timeout']),
    durationMs: z.number().nonnegative(),
    failure: testFailureSchema.optional(),
    /** Snapshots this test would write; only the worker engine reports them. */
    snapshots: z.array(snapshotUpdateSchema).optional(),
  })
  .strict();
export type TestResult = z.infer<typeof testResultSchema>;

/** A graded item that is neither a lint problem nor a test: a mutant, a document rule, a review defect. */
export const checkItemSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    status: z.enum(['pass', 'fail']),
    /** What the learner should look at when it failed. */
    message: z.string().optional(),
    file: z.string().optional(),
    line: z.number().int().optional(),
    /**
     * The review kind's seeded defect this item is about, and whether the review found it: the field a
     * failure signature ("a seeded defect the review missed") is read from, never the label.
     */
    defect: z
      .object({
        /** The answer key's defect id. */
        id: z.string(),
        /** found: found with the right severity; miscalibrated: found, wrong severity; missed; optional: not asked. */
        outcome: z.enum(['found', 'miscalibrated', 'missed', 'optional']),
      })
      .strict()
      .optional(),
    /**
     * The typecheck kind's diagnostic, by the compiler's code (2532 for TS2532): the field a failure
     * signature ("a type error of this code") is read from, never the label or the learner's message.
     */
    diagnostic: z.object({ code: z.number().int().positive() }).strict().optional(),
  })
  .strict();
export type CheckItem = z.infer<typeof checkItemSchema>;

/** One point of a calibration curve: the calls made at one stated confidence, and how many were right. */
export const calibrationBinSchema = z
  .object({
    /** The stated confidence of these calls, 0..1. */
    confidence: z.number().min(0).max(1),
    /** How many calls were made at it. */
    count: z.number().int().positive(),
    /** How many of them were right; a calibrated learner's right/count is close to the confidence. */
    right: z.number().int().nonnegative(),
  })
  .strict();
export type CalibrationBin = z.infer<typeof calibrationBinSchema>;

/** What a calibration check measured: the Brier score against its bar, and the curve the UI draws. */
export const calibrationResultSchema = z
  .object({
    /** Mean Brier score over every item, 0 (sure and right) to 1 (sure and wrong); lower is better. */
    brier: z.number().min(0).max(1),
    /** The exercise's bar: the check passes at or under it. */
    maxBrier: z.number().min(0).max(1),
    /** One bin per confidence the learner used, lowest first. */
    bins: z.array(calibrationBinSchema),
  })
  .strict();
export type CalibrationResult = z.infer<typeof calibrationResultSchema>;

export const checkResultSchema = z
  .object({
    /** Stable id from the exercise metadata, e.g. "lint" or "hidden-tests". */
    id: z.string(),
    /** Registry kind that produced it: lint, tests, learner-tests, document, … */
    kind: z.string(),
    title: z.string(),
    status: statusSchema,
    /** One line for the results panel, e.g. "3 of 5 tests pass". */
    summary: z.string(),
    durationMs: z.number().nonnegative(),
    lint: z.array(lintProblemSchema).optional(),
    tests: z.array(testResultSchema).optional(),
    items: z.array(checkItemSchema).optional(),
    /** Numeric scores some kinds report (recall, precision), keyed by name, 0..1. */
    scores: z.record(z.string(), z.number()).optional(),
    /** Whole-number tallies some kinds report (false alarms, defects found), keyed by name: data, not labels. */
    counts: z.record(z.string(), z.number().int().nonnegative()).optional(),
    /** The calibration kind's Brier score and curve, typed so no view parses it out of a label. */
    calibration: calibrationResultSchema.optional(),
  })
  .strict();
export type CheckResult = z.infer<typeof checkResultSchema>;

export const engineNameSchema = z.enum(['worker', 'node', 'webcontainer']);
export type EngineName = z.infer<typeof engineNameSchema>;

export const checkReportSchema = z
  .object({
    version: z.literal(REPORT_VERSION),
    /** Exercise slug. */
    exercise: z.string(),
    /** Which engine produced the report; mentors see whether it came from the fast or the full run. */
    engine: engineNameSchema,
    /** ISO timestamp of the start of the run. */
    startedAt: z.string(),
    durationMs: z.number().nonnegative(),
    /** Overall outcome: pass only when every check passes. */
    verdict: statusSchema,
    checks: z.array(checkResultSchema),
  })
  .strict();
export type CheckReport = z.infer<typeof checkReportSchema>;

/** The worst status wins: error and timeout outrank fail, which outranks pass. */
export function combineStatus(statuses: readonly Status[]): Status {
  const rank: Record<Status, number> = { pass: 0, fail: 1, timeout: 2, error: 3 };
  return statuses.reduce<Status>((worst, s) => (rank[s] > rank[worst] ? s : worst), 'pass');
}

/** Parses a report from storage or another machine; throws a readable error naming the bad field. */
export function parseCheckReport(data: unknown): CheckReport {
  const result = checkReportSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`Invalid check report at ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return result.data;
}
