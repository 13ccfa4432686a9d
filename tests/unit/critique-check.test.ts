import { describe, expect, it } from 'vitest';
import { gradeCritique } from '../../src/runtime/checks/critique.ts';
import { critiqueKeySchema } from '../../src/runtime/checks/critique-key.ts';
import type { SpecOf } from '../../src/runtime/checks/kind.ts';

const spec: SpecOf<'critique'> = {
  id: 'critique',
  title: 'Defects in the design doc',
  kind: 'critique',
  file: 'critique.json',
  document: 'design.md',
  anchors: ['status', 'goals', 'proposal', 'rollout'].map((id) => ({ id, label: `§ ${id}` })),
  defectTypes: ['stale-status', 'unfalsifiable', 'no-alternatives', 'no-rollback'].map((id) => ({ id, label: id })),
  answerKey: 'fixtures/key/critique.json',
};

const key = critiqueKeySchema.parse({
  defects: [
    { id: 'status', type: 'stale-status', anchors: ['status'], why: 'says Draft after the launch date' },
    { id: 'vague-goal', type: 'unfalsifiable', anchors: ['goals'], why: '"much faster" cannot be measured' },
    { id: 'one-option', type: 'no-alternatives', anchors: ['proposal'], why: 'only one design is considered' },
    { id: 'rollback', type: 'no-rollback', anchors: ['rollout', 'proposal'], why: 'no way back from the dual write' },
  ],
  notes: { rollout: 'The rollout names its stages and a metric for each.' },
  minPrecision: 0.75,
  minRecall: 0.75,
});

const mark = (anchor: string, type: string) => ({ anchor, type });

describe('critique check', () => {
  it('passes every defect found at one of its anchors, and nothing else', () => {
    const outcome = gradeCritique(spec, key, {
      marks: [
        mark('status', 'stale-status'),
        mark('goals', 'unfalsifiable'),
        mark('proposal', 'no-alternatives'),
        mark('proposal', 'no-rollback'),
      ],
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.scores).toEqual({ precision: 1, recall: 1 });
  });

  it('gives partial credit: three of four found passes the 75% bar, two do not, and says what was missed', () => {
    const three = gradeCritique(spec, key, {
      marks: [mark('status', 'stale-status'), mark('goals', 'unfalsifiable'), mark('rollout', 'no-rollback')],
    });
    expect(three.status).toBe('pass');
    expect(three.scores).toEqual({ precision: 1, recall: 0.75 });
    const two = gradeCritique(spec, key, { marks: [mark('status', 'stale-status'), mark('goals', 'unfalsifiable')] });
    expect(two.status).toBe('fail');
    expect(two.summary).toBe('2 of 4 defects found · precision 100% (needs 75%) · recall 50% (needs 75%)');
    expect(two.items?.find((i) => i.id === 'defect-one-option')).toMatchObject({
      status: 'fail',
      label: 'no-alternatives at § proposal: missed',
      message: 'only one design is considered',
    });
  });

  it('fails ticking every box on precision, and explains a false mark with the key note', () => {
    const all = spec.anchors.flatMap((a) => spec.defectTypes.map((t) => mark(a.id, t.id)));
    const outcome = gradeCritique(spec, key, { marks: all });
    expect(outcome.scores?.['recall']).toBe(1);
    // Five of the sixteen marks hit (rollback at both its anchors).
    expect(outcome.scores?.['precision']).toBeCloseTo(5 / 16);
    expect(outcome.status).toBe('fail');
    expect(outcome.items?.find((i) => i.id === 'false-mark-rollout-stale-status')?.message).toBe(
      'The rollout names its stages and a metric for each.',
    );
  });

  it('needs the right type at the spot: the right anchor with the wrong type is a false mark', () => {
    const outcome = gradeCritique(spec, key, {
      marks: [
        mark('status', 'unfalsifiable'),
        mark('goals', 'unfalsifiable'),
        mark('proposal', 'no-alternatives'),
        mark('proposal', 'no-rollback'),
      ],
    });
    expect(outcome.scores).toEqual({ precision: 0.75, recall: 0.75 });
  });

  it('counts a duplicated mark once, fails unknown ids, and gives an empty answer no precision', () => {
    const twice = gradeCritique(spec, key, {
      marks: [
        mark('status', 'stale-status'),
        mark('status', 'stale-status'),
        mark('goals', 'unfalsifiable'),
        mark('proposal', 'no-rollback'),
      ],
    });
    expect(twice.scores).toEqual({ precision: 1, recall: 0.75 });
    const unknown = gradeCritique(spec, key, {
      marks: [
        mark('status', 'stale-status'),
        mark('goals', 'unfalsifiable'),
        mark('proposal', 'no-rollback'),
        mark('nowhere', 'x'),
      ],
    });
    expect(unknown.status).toBe('fail');
    expect(gradeCritique(spec, key, { marks: [] }).scores).toEqual({ precision: 0, recall: 0 });
  });

  it('throws on a key that names a type or anchor the check does not offer: that is the author’s error', () => {
    const bad = critiqueKeySchema.parse({
      defects: [{ id: 'x', type: 'typo', anchors: ['status'], why: 'a mistyped type' }],
    });
    expect(() => gradeCritique(spec, bad, { marks: [] })).toThrow('defect x has an unknown type: typo');
  });
});
