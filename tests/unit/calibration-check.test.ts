import { describe, expect, it } from 'vitest';
import { gradeCalibration } from '../../src/runtime/checks/calibration.ts';
import { brierOf, calibrationKeySchema, type CalibrationAnswer } from '../../src/runtime/checks/calibration-key.ts';
import type { SpecOf } from '../../src/runtime/checks/kind.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';
import { noToolchain } from '../../src/runtime/checks/no-toolchain.ts';
import { testBundle } from '../support/test-bundle.ts';
import { checkReportSchema } from '../../src/runtime/report/check-report.ts';

const spec: SpecOf<'calibration'> = {
  id: 'calls',
  title: 'Your calls',
  kind: 'calibration',
  file: 'calibration.json',
  items: ['a', 'b', 'c', 'd'].map((id) => ({ id, label: `PR ${id}` })),
  decisions: [
    { id: 'approve', label: 'Approve' },
    { id: 'reject', label: 'Request changes' },
  ],
  reasons: [
    { id: 'patch-only', label: 'patch release, no new code paths' },
    { id: 'install-script', label: 'adds an install script' },
    { id: 'new-maintainer', label: 'new maintainer publishes' },
  ],
  confidences: [0.5, 0.6, 0.7, 0.8, 0.9, 1],
  maxBrier: 0.1,
  answerKey: 'fixtures/key/calibration.json',
};

const key = calibrationKeySchema.parse({
  items: {
    a: { decision: 'approve', reasons: ['patch-only'], explanation: 'a patch with tests only' },
    b: { decision: 'reject', reasons: ['install-script'], explanation: 'a postinstall that fetches a binary' },
    c: { decision: 'reject', reasons: ['new-maintainer', 'install-script'], explanation: 'new publisher, new script' },
    d: { decision: 'approve', reasons: ['patch-only'], explanation: 'a lockfile-only bump of a dev tool' },
  },
  minReasons: 0.75,
});

const call = (decision: string, reason: string, confidence: number) => ({ decision, reason, confidence });
const right: CalibrationAnswer = {
  items: {
    a: call('approve', 'patch-only', 0.9),
    b: call('reject', 'install-script', 0.9),
    c: call('reject', 'new-maintainer', 0.8),
    d: call('approve', 'patch-only', 0.9),
  },
};

describe('calibration check', () => {
  it('scores a call by the squared distance between confidence and outcome', () => {
    expect(brierOf(1, true)).toBe(0);
    expect(brierOf(1, false)).toBe(1);
    expect(brierOf(0.5, false)).toBe(0.25);
    expect(brierOf(0.8, true)).toBeCloseTo(0.04);
  });

  it('passes right calls made with fitting confidence, and reports the Brier score and the curve as data', () => {
    const outcome = gradeCalibration(spec, key, right);
    expect(outcome.status).toBe('pass');
    // (0.01 + 0.01 + 0.04 + 0.01) / 4
    expect(outcome.calibration?.brier).toBeCloseTo(0.0175);
    expect(outcome.calibration?.maxBrier).toBe(0.1);
    expect(outcome.calibration?.bins).toEqual([
      { confidence: 0.8, count: 1, right: 1 },
      { confidence: 0.9, count: 3, right: 3 },
    ]);
    expect(outcome.scores).toEqual({ accuracy: 1, reasons: 1 });
  });

  it('fails an overconfident reviewer who is right three times out of four', () => {
    const outcome = gradeCalibration(spec, key, {
      items: { ...right.items, b: call('approve', 'patch-only', 1), a: call('approve', 'patch-only', 1) },
    });
    // (0 + 1 + 0.04 + 0.01) / 4 = 0.2625, over the 0.1 bar
    expect(outcome.calibration?.brier).toBeCloseTo(0.2625);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/^Brier score 0\.263 \(needs 0\.100 or less\) · 3 of 4 calls right/);
    expect(outcome.items?.find((i) => i.id === 'item-b')).toMatchObject({
      status: 'fail',
      label: 'PR b: Approve at 100%, wrong',
      message: 'Request changes, because adds an install script. a postinstall that fetches a binary',
    });
    expect(outcome.calibration?.bins).toContainEqual({ confidence: 1, count: 2, right: 1 });
  });

  it('lets a hedged wrong call cost less than a sure one', () => {
    const sure = gradeCalibration(spec, key, { items: { ...right.items, b: call('approve', 'patch-only', 1) } });
    const hedged = gradeCalibration(spec, key, { items: { ...right.items, b: call('approve', 'patch-only', 0.5) } });
    expect(hedged.calibration?.brier).toBeLessThan(sure.calibration?.brier ?? 0);
  });

  it('fails right calls made for the wrong reasons', () => {
    const outcome = gradeCalibration(spec, key, {
      items: { ...right.items, b: call('reject', 'new-maintainer', 0.9), c: call('reject', 'patch-only', 0.8) },
    });
    expect(outcome.calibration?.brier).toBeCloseTo(0.0175);
    expect(outcome.scores?.['reasons']).toBe(0.5);
    expect(outcome.status).toBe('fail');
    expect(outcome.items?.find((i) => i.id === 'item-b')?.label).toBe(
      'PR b: Request changes at 90%, right for another reason',
    );
  });

  it('counts an item left open as a sure wrong call, so skipping the hard one does not help', () => {
    const outcome = gradeCalibration(spec, key, {
      items: Object.fromEntries(Object.entries(right.items).filter(([id]) => id !== 'c')),
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.calibration?.brier).toBeCloseTo((0.01 * 3 + 1) / 4);
    expect(outcome.summary).toMatch(/not answered: PR c$/);
  });

  it('runs through runChecks with the key from the bundle, and the report keeps the curve valid', async () => {
    const bundle = testBundle({
      slug: 'calls',
      meta: { engine: 'worker', files: [{ path: 'calibration.json', role: 'editable' }], checks: [spec] },
      starter: { 'calibration.json': '{"items":{}}' },
      fixtures: { 'fixtures/key/calibration.json': JSON.stringify(key) },
    });
    const report = await runChecks(bundle, { 'calibration.json': JSON.stringify(right) }, noToolchain);
    expect(report.verdict).toBe('pass');
    expect(checkReportSchema.parse(report).checks[0]?.calibration?.bins).toHaveLength(2);
    const broken = await runChecks(
      bundle,
      { 'calibration.json': '{"items":{"a":{"decision":"approve"}}}' },
      noToolchain,
    );
    expect(broken.checks[0]).toMatchObject({
      status: 'fail',
      summary: expect.stringMatching(/^calibration\.json: items\.a\.reason/),
    });
    const noKey = await runChecks(
      { ...bundle, fixtures: {} },
      { 'calibration.json': JSON.stringify(right) },
      noToolchain,
    );
    expect(noKey.verdict).toBe('error');
  });
});
