import { describe, expect, it } from 'vitest';
import { gradeImpact } from '../../src/runtime/checks/impact.ts';
import { impactKeySchema } from '../../src/runtime/checks/impact-key.ts';
import type { SpecOf } from '../../src/runtime/checks/kind.ts';

const spec: SpecOf<'impact'> = {
  id: 'impact',
  title: 'Impact',
  kind: 'impact',
  file: 'impact.json',
  consumers: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, label: `consumer ${id}` })),
  answerKey: 'fixtures/key/impact.json',
};

const key = impactKeySchema.parse({
  consumers: {
    a: { breaks: true, why: 'reads it as a string' },
    b: { breaks: true, why: 'sorts by it without a check' },
    c: { breaks: true, why: 'assumes listed means final' },
    d: { breaks: false, why: 'already handles null' },
    e: { breaks: false, why: 'never sees the list' },
  },
  minPrecision: 0.75,
  minRecall: 1,
});

describe('impact check', () => {
  it('passes exactly the breaking consumers with full precision and recall', () => {
    const outcome = gradeImpact(spec, key, { broken: ['a', 'b', 'c'] });
    expect(outcome.status).toBe('pass');
    expect(outcome.scores).toEqual({ precision: 1, recall: 1 });
    expect(outcome.items?.map((i) => i.label)).toEqual([
      'consumer a: Breaks, and you marked it',
      'consumer b: Breaks, and you marked it',
      'consumer c: Breaks, and you marked it',
    ]);
  });

  it('fails a missed consumer on recall, naming it and why only after a final submission', () => {
    const outcome = gradeImpact(spec, key, { broken: ['a', 'b'] });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Precision 100% (needs 75%) · recall 67% (needs 100%)');
    expect(outcome.items?.some((i) => i.id === 'consumer-c')).toBe(false);
    expect(outcome.items?.find((i) => i.id === 'wrong-marks')?.label).toBe(
      '1 consumer marked or left unmarked wrongly',
    );
    expect(
      gradeImpact(spec, key, { broken: ['a', 'b'] }, 'all').items?.find((i) => i.id === 'consumer-c'),
    ).toMatchObject({
      status: 'fail',
      label: 'consumer c: Breaks, but you did not mark it',
      message: 'assumes listed means final',
    });
  });

  it('fails an answer that misses the consumer the key marks must-find, even above the recall bar', () => {
    const strict = impactKeySchema.parse({
      ...key,
      consumers: { ...key.consumers, c: { ...key.consumers['c'], mustFind: true } },
      minRecall: 0.6,
    });
    expect(gradeImpact(spec, strict, { broken: ['a', 'c'] }).status).toBe('pass');
    const outcome = gradeImpact(spec, strict, { broken: ['a', 'b'] });
    expect(outcome.scores?.['recall']).toBeCloseTo(2 / 3);
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toMatch(/missed the consumer that breaks worst/);
    expect(outcome.counts).toMatchObject({ missedMustFind: 1 });
  });

  it('rejects a key whose must-find consumer does not break', () => {
    expect(() =>
      impactKeySchema.parse({ consumers: { a: { breaks: false, why: 'never sees it', mustFind: true } } }),
    ).toThrow(/mustFind must break/);
  });

  it('fails marking everything on precision', () => {
    const outcome = gradeImpact(spec, key, { broken: ['a', 'b', 'c', 'd', 'e'] });
    expect(outcome.scores).toEqual({ precision: 0.6, recall: 1 });
    expect(outcome.status).toBe('fail');
  });

  it('gives no precision for an empty answer, and rejects ids that are not consumers', () => {
    expect(gradeImpact(spec, key, { broken: [] }).scores?.['precision']).toBe(0);
    expect(gradeImpact(spec, key, { broken: ['a', 'b', 'c', 'zz'] }).status).toBe('fail');
  });
});

describe('the nullable-field-impact key', () => {
  it('fails an answer that misses merchant payouts at 80% recall', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const dir = 'exercises/nullable-field-impact';
    const real = impactKeySchema.parse(JSON.parse(readFileSync(`${dir}/fixtures/key/impact.json`, 'utf8')));
    const meta = parse(readFileSync(`${dir}/exercise.yaml`, 'utf8')) as { checks: SpecOf<'impact'>[] };
    const impact = meta.checks.find((c) => c.kind === 'impact');
    if (!impact) throw new Error('no impact check');
    const broken = ['refund-eligibility', 'daily-reconciliation', 'payments-dashboard', 'mobile-app'];
    const outcome = gradeImpact(impact, real, { broken });
    expect(outcome.scores).toEqual({ precision: 1, recall: 0.8 });
    expect(outcome.status).toBe('fail');
    expect(gradeImpact(impact, real, { broken: [...broken, 'merchant-payouts'] }).status).toBe('pass');
  });
});
