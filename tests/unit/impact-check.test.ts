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
  });

  it('fails a missed consumer on recall and says why it breaks', () => {
    const outcome = gradeImpact(spec, key, { broken: ['a', 'b'] });
    expect(outcome.status).toBe('fail');
    expect(outcome.summary).toBe('Precision 100% (needs 75%) · recall 67% (needs 100%)');
    expect(outcome.items?.find((i) => i.id === 'consumer-c')).toMatchObject({
      status: 'fail',
      label: 'consumer c: Breaks, but you did not mark it',
      message: 'assumes listed means final',
    });
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
