import type { CheckReport } from '../../runtime/report/check-report.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

/** The judgment scores of a report (recall, calibration, precision…) as a list above the revealed key. */
export function renderScores(report: CheckReport): HTMLElement {
  const rows = report.checks.flatMap((check) => {
    const scores = Object.entries(check.scores ?? {}).map(([name, value]) =>
      h(
        'div',
        { 'data-score': name },
        h('dt', {}, t.judgment.score[name] ?? name),
        h('dd', {}, t.judgment.percent(value)),
      ),
    );
    // A count the check reports as data; never recovered from its item labels.
    const falseAlarms = check.counts?.['falseAlarms'];
    if (falseAlarms !== undefined)
      scores.push(h('div', { 'data-score': 'falseAlarms' }, h('dt', {}, t.judgment.falseAlarms(falseAlarms))));
    return scores;
  });
  return h('section', { class: 'judgment__scores' }, h('h4', {}, t.judgment.scoresHeading), h('dl', {}, ...rows));
}
