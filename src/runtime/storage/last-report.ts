import { z } from 'astro/zod';
import { checkReportSchema, type CheckReport } from '../report/check-report.ts';
import type { KeyValueStorage } from './key-value.ts';
import { readRecord, writeRecord, type RecordAccess } from './stored-record.ts';

/** Bump when the stored shape changes; an old record is set aside and the panel simply starts empty. */
export const LAST_REPORT_VERSION = 1 as const;
/** Storage key prefix of the last report; one key per exercise. */
export const REPORT_KEY_PREFIX = 'craftpath:report:';
/** A report is a convenience beside the learner's code: twenty exercises of it stay well under 1 MB of the quota. */
export const MAX_REPORT_CHARS = 32_000;
/** Longest failure text kept when a report has to be shrunk. */
const MAX_TEXT = 2_000;

const lastReportSchema = z
  .object({
    version: z.literal(LAST_REPORT_VERSION),
    /** Exercise slug, repeated so a record filed under another key is refused. */
    exercise: z.string(),
    /** ISO time the report was stored (the run's end). */
    savedAt: z.string(),
    /** True when long failure texts or lists were shortened to fit MAX_REPORT_CHARS. */
    trimmed: z.boolean(),
    /** The report as the engine returned it (or shortened). */
    report: checkReportSchema,
  })
  .strict();
export type LastReport = z.infer<typeof lastReportSchema>;

/**
 * Which part of an exercise produced the report: a review-then-fix exercise has both the judgment forms'
 * report and the code workbench's, and each panel restores its own.
 */
export type ReportPart = 'code' | 'judgment';

const keyOf = (exercise: string, part: ReportPart) =>
  REPORT_KEY_PREFIX + exercise + (part === 'judgment' ? ':judgment' : '');

/** The last report of each exercise, so a reload shows what the learner saw, marked as from a previous run. */
export class LastReports {
  readonly #access: RecordAccess;

  constructor(storage: KeyValueStorage, now = () => new Date()) {
    // Failing to keep a report is not worth interrupting the learner: their code's saving reports its own failures.
    this.#access = { storage, notify: () => {}, now };
  }

  load(exercise: string, part: ReportPart = 'code'): LastReport | undefined {
    return readRecord(this.#access, keyOf(exercise, part), (raw) => parseLastReport(raw, exercise), {
      name: `report:${exercise}:${part}`,
      reason: 'the last report could not be read',
    });
  }

  save(report: CheckReport, part: ReportPart = 'code'): boolean {
    const record = boundedRecord(report, this.#access.now().toISOString());
    if (!record) return false;
    return writeRecord(this.#access, keyOf(report.exercise, part), record);
  }
}

/** The record, shortened until it fits MAX_REPORT_CHARS; undefined when even the summaries do not fit. */
export function boundedRecord(report: CheckReport, savedAt: string): LastReport | undefined {
  const fits = (r: LastReport) => JSON.stringify(r).length <= MAX_REPORT_CHARS;
  const full: LastReport = { version: LAST_REPORT_VERSION, exercise: report.exercise, savedAt, trimmed: false, report };
  if (fits(full)) return full;
  const short: LastReport = { ...full, trimmed: true, report: { ...report, checks: report.checks.map(shorten) } };
  if (fits(short)) return short;
  const summaries: LastReport = {
    ...short,
    report: { ...report, checks: report.checks.map(({ lint: _l, tests: _t, items: _i, ...rest }) => rest) },
  };
  return fits(summaries) ? summaries : undefined;
}

type Check = CheckReport['checks'][number];
function shorten(check: Check): Check {
  const cut = (s: string | undefined) => (s === undefined || s.length <= MAX_TEXT ? s : `${s.slice(0, MAX_TEXT)}…`);
  const out: Check = { ...check, summary: cut(check.summary) ?? '' };
  if (check.lint) out.lint = check.lint.slice(0, 100).map((p) => ({ ...p, message: cut(p.message) ?? '' }));
  if (check.items) out.items = check.items.slice(0, 100).map((i) => dropUndefined({ ...i, message: cut(i.message) }));
  if (check.tests)
    out.tests = check.tests.slice(0, 100).map((test) =>
      test.failure
        ? {
            ...test,
            failure: dropUndefined({
              ...test.failure,
              message: cut(test.failure.message) ?? '',
              expected: cut(test.failure.expected),
              actual: cut(test.failure.actual),
              diff: cut(test.failure.diff),
            }),
          }
        : test,
    );
  return out;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function parseLastReport(raw: string, exercise: string): LastReport | undefined {
  try {
    const result = lastReportSchema.safeParse(JSON.parse(raw));
    return result.success && result.data.exercise === exercise && result.data.report.exercise === exercise
      ? result.data
      : undefined;
  } catch {
    return undefined;
  }
}
