import type { CsvLayout, Dashboard } from '../../shared-api/dashboard-api.ts';

/**
 * The dashboard as CSV: RFC 4180 (CRLF line ends; a field holding a comma, quote, CR or LF is quoted,
 * quotes doubled), with spreadsheet formula injection neutralised.
 *
 * A UTF-8 byte-order mark starts the file: without it Excel opens UTF-8 CSV in the legacy code page and
 * turns "Zoë" into "ZoÃ«"; LibreOffice, Google Sheets and Canvas's gradebook import read the mark as
 * the encoding's signature and drop it (Canvas offers the same mark on its own gradebook export).
 */
const BOM = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, and tab or CR, which some strip first) gets
 * a leading apostrophe, as OWASP's "CSV Injection" advice says: names and check ids are learner-typed.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: (string | number | boolean | null)[][]): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

export const GENERIC_COLUMNS = [
  'learner',
  'email',
  'assignment',
  'exercise',
  'status',
  'attempts',
  'verdict',
  'score',
  'late',
  'submitted_at',
  'decision',
  'stuck',
] as const;

/** One row per learner × assignment × exercise. score: share of the newest report's checks passing, 0–100. */
export function genericRows(dashboard: Dashboard): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [[...GENERIC_COLUMNS]];
  for (const learner of dashboard.learners) {
    for (const [i, assignment] of dashboard.assignments.entries()) {
      for (const cell of learner.cells[i]?.exercises ?? []) {
        rows.push([
          learner.name,
          learner.email,
          assignment.title,
          cell.exercise,
          cell.status,
          cell.attempts,
          cell.verdict,
          cell.score,
          cell.submittedAt === null ? null : cell.late ? 'yes' : 'no',
          cell.submittedAt,
          cell.decision,
          cell.stuck.join(' '),
        ]);
      }
    }
  }
  return rows;
}

/**
 * Canvas's gradebook import: Student, SIS Login ID, Section, then one column per assignment, and a
 * "Points Possible" row under the header so Canvas creates missing assignments with the right maximum.
 * Format: "Import a CSV file to Carmen Grades" (Ohio State's Canvas guide,
 * https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades):
 * a student name, ID or SIS User ID column, SIS Login ID, Section, then assignment-name columns; a new
 * column makes a new assignment. Canvas matches students by SIS Login ID here: we put the learner's
 * email, the login most institutions use. Section is the cohort's name.
 *
 * Points: one per exercise of the assignment the learner has finished, where finished means approved by
 * a mentor, or a passing newest server verdict with no "request changes" on it. Points Possible is the
 * exercise count. So a one-exercise assignment reads 1 or 0, and partial work on a track counts.
 */
export function canvasRows(dashboard: Dashboard): (string | number)[][] {
  const rows: (string | number)[][] = [
    ['Student', 'SIS Login ID', 'Section', ...dashboard.assignments.map((a) => a.title)],
    ['Points Possible', '', '', ...dashboard.assignments.map((a) => a.exercises.length)],
  ];
  for (const learner of dashboard.learners) {
    rows.push([
      learner.name,
      learner.email,
      dashboard.cohortName,
      ...learner.cells.map(
        (cell) =>
          cell.exercises.filter(
            (e) => e.status === 'approved' || (e.verdict === 'pass' && e.status !== 'changes-requested'),
          ).length,
      ),
    ]);
  }
  return rows;
}

export function dashboardCsv(dashboard: Dashboard, layout: CsvLayout): string {
  return toCsv(layout === 'canvas' ? canvasRows(dashboard) : genericRows(dashboard));
}

/** "craftpath-backend-2026-12-01-canvas.csv": the cohort, the day and the layout, safe in any file system. */
export function csvFilename(cohortName: string, layout: CsvLayout, now = new Date()): string {
  const slug =
    cohortName
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'cohort';
  return `craftpath-${slug}-${now.toISOString().slice(0, 10)}-${layout}.csv`;
}
