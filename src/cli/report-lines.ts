import type { CheckReport, CheckResult, Status } from '../runtime/report/check-report.ts';
import { mark, paint } from './style.ts';

/** The whole report as a learner reads it in a terminal: each check, then what to fix. */
export function reportLines(report: CheckReport): string[] {
  const lines: string[] = [];
  for (const check of report.checks) {
    lines.push(
      `${statusMark(check.status)} ${paint('bold', check.title)} ${paint('dim', `(${check.id})`)}: ${check.summary}`,
    );
    for (const detail of checkDetails(check, Number.POSITIVE_INFINITY)) lines.push(`    ${detail}`);
  }
  const verdict = report.verdict === 'pass' ? paint('green', 'PASS') : paint('red', report.verdict.toUpperCase());
  lines.push('', `${verdict} ${paint('dim', `in ${seconds(report.durationMs)}`)}`);
  return lines;
}

/**
 * What went wrong in one check, one line per finding (a lint problem, a failing test with its diff, a
 * surviving mutant), at most `limit` findings so verify's summary stays short.
 */
export function checkDetails(check: CheckResult, limit: number): string[] {
  const lines: string[] = [];
  let shown = 0;
  for (const p of check.lint ?? []) {
    if (shown++ >= limit) break;
    const rule = p.ruleId ?? 'parse-error';
    lines.push(
      `${p.file}:${p.line}:${p.column}  ${paint(p.severity === 'error' ? 'red' : 'yellow', rule)}  ${p.message}`,
    );
  }
  for (const t of (check.tests ?? []).filter((t) => t.status === 'fail')) {
    if (shown++ >= limit) break;
    lines.push(`${mark.fail()} ${[...t.suite, t.name].join(' › ')} ${paint('dim', `(${t.file})`)}`);
    const where = t.failure?.file === undefined ? '' : paint('dim', ` at ${t.failure.file}:${t.failure.line ?? '?'}`);
    lines.push(...indent(`${t.failure?.message ?? ''}${where}`));
    if (t.failure?.diff !== undefined) lines.push(...indent(colourDiff(t.failure.diff)));
  }
  for (const item of check.items ?? []) {
    if (item.status === 'pass' && limit !== Number.POSITIVE_INFINITY) continue;
    if (shown++ >= limit) break;
    const suffix = item.message === undefined ? '' : paint('dim', ` — ${item.message}`);
    lines.push(`${item.status === 'pass' ? mark.pass() : mark.fail()} ${item.label}${suffix}`);
  }
  return lines;
}

export function statusMark(status: Status): string {
  if (status === 'pass') return mark.pass();
  return status === 'fail' ? mark.fail() : mark.other();
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => `    ${l}`);
}

function colourDiff(diff: string): string {
  return diff
    .split('\n')
    .map((l) => (l.startsWith('-') ? paint('green', l) : l.startsWith('+') ? paint('red', l) : l))
    .join('\n');
}
