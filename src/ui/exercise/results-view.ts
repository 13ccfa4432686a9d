import type {
  CheckReport,
  CheckResult,
  LintProblem,
  SnapshotUpdate,
  TestResult,
} from '../../runtime/report/check-report.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

export interface ResultsHandlers {
  /** Open `file` in the editor at `line` (problems and failures are links to their code). */
  jumpTo(file: string, line: number, column?: number): void;
  /** Whether `file` is open in the workbench; a hidden test is not, so it gets no link that leads nowhere. */
  canOpen?(file: string): boolean;
  /**
   * Writes snapshots a test offers into the learner's files; present only where they can be edited. Only
   * updates whose files `canUpdate` allows (editable ones, never hidden tests) get a button.
   */
  updateSnapshots?(updates: readonly SnapshotUpdate[]): void;
  canUpdate?(file: string): boolean;
}

const ICON: Record<string, string> = { pass: '✓', fail: '✗', error: '!', timeout: '⏱', skip: '–', todo: '…' };

/** One line for the verdict, also used for the screen-reader announcement. */
export function verdictText(report: CheckReport): string {
  // A site built for a team server can leave an exercise no check the browser may run (ADR 9).
  if (report.checks.length === 0) return t.verdictNothingHere;
  switch (report.verdict) {
    case 'pass':
      return t.verdictPass;
    case 'timeout':
      return t.verdictTimeout;
    case 'error':
      return t.verdictError;
    case 'fail':
      return t.verdictFail(report.checks.filter((c) => c.status !== 'pass').length, report.checks.length);
  }
}

export function renderReport(report: CheckReport, handlers: ResultsHandlers): HTMLElement {
  return h(
    'div',
    { class: `report report--${report.verdict}`, 'data-verdict': report.verdict },
    h(
      'p',
      { class: 'report__verdict' },
      h('span', { 'aria-hidden': 'true' }, ICON[report.verdict] ?? ''),
      ' ',
      verdictText(report),
    ),
    h('p', { class: 'meta' }, `${t.engineLabel(report.engine)} · ${Math.round(report.durationMs)} ms`),
    ...report.checks.map((check) => renderCheck(check, handlers)),
  );
}

function renderCheck(check: CheckResult, handlers: ResultsHandlers): HTMLElement {
  const details = h(
    'details',
    { class: `check check--${check.status}`, 'data-check': check.id, open: check.status !== 'pass' },
    h(
      'summary',
      {},
      h('span', { class: 'check__icon', 'aria-hidden': 'true' }, ICON[check.status] ?? ''),
      h('span', { class: 'visually-hidden' }, `${check.status}: `),
      h('strong', {}, check.title),
      ' — ',
      check.summary,
    ),
  );
  if (check.lint?.length)
    details.append(h('ul', { class: 'problems' }, ...check.lint.map((p) => renderProblem(p, handlers))));
  if (check.tests?.length)
    details.append(h('ul', { class: 'tests' }, ...check.tests.map((r) => renderTest(r, handlers))));
  if (check.items?.length) {
    details.append(
      h(
        'ul',
        { class: 'items' },
        ...check.items.map((item) =>
          h(
            'li',
            { class: `item item--${item.status}`, 'data-status': item.status },
            h('span', { 'aria-hidden': 'true' }, ICON[item.status] ?? ''),
            ' ',
            item.label,
            item.message ? h('div', { class: 'item__message' }, item.message) : null,
          ),
        ),
      ),
    );
  }
  return details;
}

function renderProblem(p: LintProblem, handlers: ResultsHandlers): HTMLElement {
  const where = `${p.file}:${p.line}:${p.column}`;
  const jump = !(handlers.canOpen?.(p.file) ?? true)
    ? h('code', {}, where)
    : h('button', { type: 'button', class: 'link-button', title: t.jumpTo(p.file, p.line) }, where);
  if (jump instanceof HTMLButtonElement)
    jump.addEventListener('click', () => handlers.jumpTo(p.file, p.line, p.column));
  return h(
    'li',
    { class: `problem problem--${p.severity}` },
    jump,
    ' ',
    p.message,
    ' ',
    p.ruleId
      ? p.docsUrl
        ? h('a', { href: p.docsUrl, target: '_blank', rel: 'noopener' }, p.ruleId)
        : h('code', {}, p.ruleId)
      : null,
  );
}

function renderTest(r: TestResult, handlers: ResultsHandlers): HTMLElement {
  const name = [...r.suite, r.name].join(' › ');
  const li = h(
    'li',
    { class: `test test--${r.status}`, 'data-status': r.status },
    h('span', { 'aria-hidden': 'true' }, ICON[r.status] ?? ''),
    h('span', { class: 'visually-hidden' }, `${r.status}: `),
    ' ',
    name,
  );
  const f = r.failure;
  if (f) {
    const body = h('div', { class: 'test__failure' }, h('p', {}, f.message));
    if (f.diff) body.append(h('pre', { class: 'diff' }, f.diff));
    if (f.file && f.line && !(handlers.canOpen?.(f.file) ?? true)) {
      body.append(h('p', { class: 'meta' }, t.frame.hiddenFile(f.file, f.line)));
    } else if (f.file && f.line) {
      const { file, line } = f;
      const jump = h('button', { type: 'button', class: 'link-button' }, t.jumpTo(file, line));
      jump.addEventListener('click', () => handlers.jumpTo(file, line));
      body.append(jump);
    }
    li.append(body);
  }
  const update = snapshotButton(r, handlers);
  if (update) li.append(update);
  return li;
}

/**
 * "Update snapshot" for a test whose snapshots did not match or were empty. Once used, every button for
 * the same files is disabled: the positions they carry are those of the text before this edit.
 */
function snapshotButton(r: TestResult, handlers: ResultsHandlers): HTMLElement | undefined {
  const { updateSnapshots, canUpdate } = handlers;
  const updates = (r.snapshots ?? []).filter((u) => canUpdate?.(u.file) ?? false);
  if (!updateSnapshots || updates.length === 0) return undefined;
  const files = [...new Set(updates.map((u) => u.file))];
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button button--secondary test__update-snapshot',
      'data-update-snapshot': files.join(' '),
      title: t.updateSnapshotTitle(files.join(', ')),
    },
    t.updateSnapshot,
  );
  button.addEventListener('click', () => {
    updateSnapshots(updates);
    const report = button.closest('.report') ?? button.parentElement;
    for (const other of report?.querySelectorAll<HTMLButtonElement>('[data-update-snapshot]') ?? []) {
      const touched = (other.dataset['updateSnapshot'] ?? '').split(' ').some((file) => files.includes(file));
      if (!touched) continue;
      other.disabled = true;
      other.title = t.snapshotStale;
    }
    button.textContent = t.snapshotUpdated;
  });
  return button;
}
