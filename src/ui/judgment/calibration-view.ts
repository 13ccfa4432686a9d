import type { CalibrationResult, CheckReport } from '../../runtime/report/check-report.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

const SVG = 'http://www.w3.org/2000/svg';
/** Plot size in user units; the SVG scales with its box (judgment.css). */
const SIZE = 200;
const PAD = 28;

/**
 * The calibration curves of a report: for each calibration check, the Brier score against its bar, a
 * chart of stated confidence against the share right (the diagonal is perfect calibration) and the same
 * figures as a table, which is what screen readers and keyboard users read; the chart is decoration.
 */
export function renderCalibration(report: CheckReport): HTMLElement | null {
  const curves = report.checks.flatMap((check) =>
    check.calibration ? [{ title: check.title, result: check.calibration }] : [],
  );
  if (curves.length === 0) return null;
  return h(
    'section',
    { class: 'judgment__calibration-curve', 'data-calibration': true },
    ...curves.map(({ title, result }) => curve(title, result)),
  );
}

function curve(title: string, result: CalibrationResult): HTMLElement {
  const rows = result.bins.map((bin) =>
    h(
      'tr',
      { 'data-bin': String(bin.confidence) },
      h('th', { scope: 'row' }, t.judgment.percent(bin.confidence)),
      h('td', {}, String(bin.count)),
      h('td', {}, String(bin.right)),
      h('td', {}, t.judgment.percent(bin.right / bin.count)),
    ),
  );
  return h(
    'div',
    {},
    h('h4', {}, t.judgment.calibration.curveHeading(title)),
    h('p', { 'data-brier': String(result.brier) }, t.judgment.calibration.brier(result.brier, result.maxBrier)),
    chart(result),
    h(
      'table',
      { class: 'judgment__matrix' },
      h('caption', {}, t.judgment.calibration.tableCaption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t.judgment.calibration.confidence),
          h('th', { scope: 'col' }, t.judgment.calibration.calls),
          h('th', { scope: 'col' }, t.judgment.calibration.right),
          h('th', { scope: 'col' }, t.judgment.calibration.shareRight),
        ),
      ),
      h('tbody', {}, ...rows),
    ),
  );
}

/** Stated confidence (x) against share right (y), both 0..100%; hidden from assistive tech, the table says it. */
function chart(result: CalibrationResult): SVGSVGElement {
  const svg = el('svg', {
    viewBox: `0 0 ${SIZE + PAD * 2} ${SIZE + PAD * 2}`,
    class: 'judgment__chart',
    'aria-hidden': 'true',
    focusable: 'false',
  });
  const x = (v: number): number => PAD + v * SIZE;
  const y = (v: number): number => PAD + (1 - v) * SIZE;
  svg.append(
    el('rect', { x: String(PAD), y: String(PAD), width: String(SIZE), height: String(SIZE), class: 'frame' }),
    el('line', { x1: String(x(0)), y1: String(y(0)), x2: String(x(1)), y2: String(y(1)), class: 'diagonal' }),
  );
  for (const v of [0, 0.5, 1]) {
    svg.append(
      text(x(v), PAD + SIZE + 16, t.judgment.percent(v)),
      text(PAD - 4, y(v) + 4, t.judgment.percent(v), 'end'),
    );
  }
  const points = result.bins.map((b) => [x(b.confidence), y(b.right / b.count)] as const);
  if (points.length > 1)
    svg.append(el('polyline', { points: points.map((p) => p.join(',')).join(' '), class: 'observed' }));
  result.bins.forEach((bin, i) => {
    const [cx, cy] = points[i] ?? [0, 0];
    // Bigger dots for more calls: one lucky call should not look like a trend.
    svg.append(el('circle', { cx: String(cx), cy: String(cy), r: String(3 + Math.min(bin.count, 6)), class: 'point' }));
  });
  return svg;
}

function text(xPos: number, yPos: number, content: string, anchor = 'middle'): SVGTextElement {
  const node = el('text', { x: String(xPos), y: String(yPos), 'text-anchor': anchor });
  node.textContent = content;
  return node;
}

function el<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}
