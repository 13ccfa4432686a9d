import type { Kysely } from 'kysely';
import { isNewestReport } from './newest-report.ts';
import { AUTHOR_TODO } from '../../runtime/exercise/bundle-problems.ts';
import { exportWrongFixture, type WrongFixture } from '../../runtime/exercise/wrong-fixture-export.ts';
import { checkReportSchema, type CheckReport } from '../../runtime/report/check-report.ts';
import type { Disagreement, DisagreementKind } from '../../shared-api/review-api.ts';
import { hashToken } from '../auth/tokens.ts';
import type { ExerciseCatalog } from '../grading/exercise-catalog.ts';
import { HttpError } from '../http.ts';
import type { Database } from '../store/schema.ts';
import type { TarEntry } from './tar.ts';

/**
 * Disagreement as a signal: a revision whose browser and server verdicts differ (one engine is wrong, or
 * the hidden checks see what the visible ones miss), or one that passes every check yet the mentor asked
 * for changes (the checks miss a mistake). Each is a wrong-answer fixture the exercise lacks.
 */

/** Which revisions to look at: a cohort's, or one revision's (for its fixture). */
export type DisagreementScope = { cohortId: string } | { submissionId: string };

/** Newest server report per revision in scope, with its revision and learner: the base of both lists. */
function newestReports(db: Kysely<Database>, scope: DisagreementScope) {
  return db
    .selectFrom('server_report as r')
    .innerJoin('submission as s', 's.id', 'r.submission_id')
    .innerJoin('assignment as a', 'a.id', 's.assignment_id')
    .innerJoin('user as u', 'u.id', 's.user_id')
    .where((eb) => ('cohortId' in scope ? eb('a.cohort_id', '=', scope.cohortId) : eb('s.id', '=', scope.submissionId)))
    .where(isNewestReport)
    .select([
      's.id as submission_id',
      's.exercise as exercise',
      's.revision as revision',
      's.submitted_at as submitted_at',
      's.browser_report as browser_report',
      'u.name as learner_name',
      'r.verdict as verdict',
      'r.mismatch as mismatch',
    ]);
}

/** Both kinds in scope, newest submission first; two queries whatever the cohort's size. */
export async function listDisagreements(db: Kysely<Database>, scope: DisagreementScope): Promise<Disagreement[]> {
  const [mismatched, rejected] = await Promise.all([
    newestReports(db, scope).where('r.mismatch', '!=', '[]').execute(),
    newestReports(db, scope)
      .innerJoin('review_decision as d', 'd.submission_id', 's.id')
      .where('r.verdict', '=', 'pass')
      .where('d.decision', '=', 'request_changes')
      // The mentor's latest word on the revision is what counts: an approval after it settles the case.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('review_decision as later')
              .select('later.id')
              .whereRef('later.submission_id', '=', 's.id')
              .whereRef('later.created_at', '>', 'd.created_at'),
          ),
        ),
      )
      .select('d.body as note')
      .execute(),
  ]);
  const view = (row: (typeof mismatched)[number], kind: DisagreementKind, checks: string[], note: string) => ({
    kind,
    submissionId: row.submission_id,
    exercise: row.exercise,
    learnerName: row.learner_name,
    revision: row.revision,
    submittedAt: row.submitted_at,
    serverVerdict: row.verdict,
    browserVerdict: browserReportOf(row.browser_report)?.verdict ?? null,
    checks,
    note,
  });
  return [
    ...mismatched.map((row) => view(row, 'verdict-mismatch', JSON.parse(row.mismatch) as string[], '')),
    ...rejected.map((row) => view(row, 'changes-requested', [], row.note)),
  ].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || a.kind.localeCompare(b.kind));
}

function browserReportOf(json: string | null): CheckReport | undefined {
  if (!json) return undefined;
  const parsed = checkReportSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Revision `submissionId` as a fixture folder, or undefined when it is no disagreement. The learner's
 * editable files only (a submission holds nothing else; hidden files are never read into it).
 */
export async function disagreementFixture(
  db: Kysely<Database>,
  catalog: ExerciseCatalog,
  submissionId: string,
  disagreement: Disagreement,
): Promise<{ name: string; entries: TarEntry[] }> {
  const row = await db
    .selectFrom('submission as s')
    .innerJoin('server_report as r', 'r.submission_id', 's.id')
    .select(['s.files', 's.exercise', 's.revision', 'r.report'])
    .where('s.id', '=', submissionId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .executeTakeFirstOrThrow();
  const { bundle } = await catalog.load(row.exercise);
  const server = checkReportSchema.parse(JSON.parse(row.report));
  const id = `${disagreement.kind === 'verdict-mismatch' ? 'engines-disagree' : 'passes-but-rejected'}-${hashToken(submissionId).slice(0, 8)}`;
  const fixture = exportWrongFixture({
    bundle,
    files: JSON.parse(row.files) as Record<string, string>,
    id,
    ...wording(disagreement, server, bundle.meta.checks[0]?.id ?? 'tests'),
  });
  if (fixture.entry.edits.length === 0 && !fixture.entry.overlay)
    throw new HttpError(409, 'This revision is the reference solution itself: there is no wrong answer to export.');
  return { name: `${row.exercise}-${id}`, entries: archiveEntries(fixture, disagreement) };
}

/** What the entry says and which check must catch it. */
function wording(d: Disagreement, server: CheckReport, firstCheck: string): { mistake: string; caughtBy: string } {
  if (d.kind === 'verdict-mismatch') {
    const failing = server.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
    const caughtBy = d.checks.find((id) => failing.includes(id)) ?? failing[0] ?? d.checks[0] ?? firstCheck;
    return {
      mistake: `graded ${d.browserVerdict ?? 'unknown'} in the browser but ${d.serverVerdict} on the server (checks: ${d.checks.join(', ')}), from revision ${d.revision} of a learner's work`,
      caughtBy,
    };
  }
  // No check fails it yet: the placeholder makes `exercises verify` refuse the entry until the author
  // has added the check that catches it and named that check.
  const note = d.note.replace(/\s+/g, ' ').trim();
  return {
    mistake: `${AUTHOR_TODO}: passes every check, yet a mentor requested changes${note ? ` ("${note.slice(0, 300)}")` : ''}; add the check that catches it and name it in caughtBy`,
    caughtBy: firstCheck,
  };
}

function archiveEntries(fixture: WrongFixture, d: Disagreement): TarEntry[] {
  const { id } = fixture.entry;
  const readme = [
    `# Wrong solution "${id}"`,
    '',
    d.kind === 'verdict-mismatch'
      ? `The browser and the server disagreed on this revision (checks: ${d.checks.join(', ')}).`
      : 'This revision passes every check, but a mentor requested changes: the checks miss a mistake.',
    '',
    'Extract this archive into the exercise folder\u2019s `fixtures/wrong/`, add the entry below to',
    '`wrongSolutions:` in exercise.yaml (it is also in the .yaml file beside this one), then run',
    '`npm run exercises -- verify <slug>`.',
    fixture.entry.overlay
      ? `The folder ${id}/ holds only the files that differ from solution/ (too different for an edit).`
      : 'The difference from solution/ is small, so it is written as edits and needs no folder.',
    '',
    '```yaml',
    'wrongSolutions:',
    fixture.yamlSnippet.trimEnd(),
    '```',
    '',
  ].join('\n');
  return [
    { path: `${id}.README.md`, text: readme },
    { path: `${id}.wrong-solution.yaml`, text: fixture.yamlSnippet },
    ...Object.entries(fixture.overlay).map(([path, text]) => ({ path: `${id}/${path}`, text })),
  ];
}
