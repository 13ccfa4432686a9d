import { describe, expect, it } from 'vitest';
import { documentKind } from '../../src/runtime/checks/document.ts';
import type { CheckContext, SpecOf } from '../../src/runtime/checks/kind.ts';
import { quotedFigures } from '../../src/runtime/parse/quoted-figures.ts';

const spec: SpecOf<'document'> = {
  id: 'adr',
  title: 'ADR',
  kind: 'document',
  file: 'adr.md',
  requiredHeadings: ['Context', 'Considered options', 'Confirmation'],
  statusValues: ['proposed', 'accepted'],
  minTables: 0,
  options: { heading: 'Considered options', min: 2 },
  figures: { data: 'data.json', tolerance: 0.1, min: 2, mustQuote: [] },
  confirmation: { heading: 'Confirmation', tests: ['tests/outage.test.ts'] },
};

const data = JSON.stringify({
  figures: [
    { name: 'Redis p99', value: 16, unit: 'ms' },
    { name: 'No cache p99', value: 390, unit: 'ms' },
    { name: 'Redis cost', value: 540.2, unit: 'USD' },
  ],
});
const test = `it('with the cache down, at most 20 reads reach the database', () => {});`;

const adr = `# 7. Cache in Redis

Status: accepted

## Context

No cache has a p99 of 390 ms at 2,000 rps (ADR 3, run of 2026-03-14).

## Considered options

1. No cache
   - Bad: 390 ms.
2. Redis
   - Good: p99 16 ms.
   - Bad: $540 a month and a new system.

## Confirmation

- \`tests/outage.test.ts\` keeps a cache outage survivable.
`;

function check(text: string, test_ = test) {
  const workspace = { 'adr.md': text, 'data.json': data, 'tests/outage.test.ts': test_ };
  return documentKind.run(spec, { workspace } as unknown as CheckContext);
}
const failing = async (text: string) =>
  (await check(text)).items?.filter((i) => i.status === 'fail').map((i) => i.id) ?? [];

describe('document check: ADR rules', () => {
  it('passes an ADR with two options with downsides, figures from the data and a named test', async () => {
    const outcome = await check(adr);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('9 of 9 structure rules met');
  });

  it('fails an option without a downside, naming it', async () => {
    const outcome = await check(adr.replace('   - Bad: 390 ms.\n', ''));
    expect(outcome.items?.find((i) => i.id === 'downsides')?.message).toBe('Add a "Bad:" line to: No cache.');
  });

  it('fails a single option', async () => {
    await expect(failing(adr.replace(/1\. No cache\n {3}- Bad: 390 ms\.\n/, ''))).resolves.toEqual(['options']);
  });

  it('fails a figure more than 10% off the data, and accepts one within it', async () => {
    await expect(failing(adr.replace('p99 16 ms', 'p99 18 ms'))).resolves.toEqual(['figures-match']);
    await expect(failing(adr.replace('p99 16 ms', 'p99 17 ms'))).resolves.toEqual([]);
  });

  it('ignores numbers without a unit of the data set, and needs enough figures quoted', async () => {
    const bare = adr.replace(/390 ms/g, 'slow').replace('p99 16 ms', 'fast');
    await expect(failing(bare)).resolves.toEqual(['figures-quoted']);
  });

  it('needs the confirmation to name a test file or a test title inside it', async () => {
    const byTitle = adr.replace(
      '`tests/outage.test.ts` keeps',
      'The test "with the cache down, at most 20 reads reach the database" keeps',
    );
    await expect(failing(byTitle)).resolves.toEqual([]);
    await expect(failing(adr.replace('`tests/outage.test.ts` keeps', 'Dashboards keep'))).resolves.toEqual([
      'confirmation',
    ]);
  });

  it('reads figures with units, thousands separators and a leading $, but not names like p99', () => {
    expect(quotedFigures('p99 of 1,200 ms at $540/month, 60 s, v2 and ADR 7').map((f) => [f.value, f.unit])).toEqual([
      [1200, 'ms'],
      [540, 'usd'],
      [60, 's'],
    ]);
  });

  describe('with the decision, consequence and deciding-figure rules', () => {
    const strict: SpecOf<'document'> = {
      ...spec,
      figures: { data: 'data.json', tolerance: 0.1, min: 2, mustQuote: ['Redis p99', 'No cache p99'] },
      decision: { heading: 'Decision outcome', chooses: ['redis', 'option 2'] },
      consequences: { heading: 'Consequences' },
    };
    const full = adr.replace(
      '## Confirmation',
      '## Decision outcome\n\nChosen option 2, Redis.\n\n### Consequences\n\n- Good: p99 at peak drops from 390 ms to 16 ms.\n- Bad: a new system for on-call to run.\n\n## Confirmation',
    );
    const strictFailing = async (text: string) => {
      const workspace = { 'adr.md': text, 'data.json': data, 'tests/outage.test.ts': test };
      const outcome = await documentKind.run(strict, { workspace } as unknown as CheckContext);
      return outcome.items?.filter((i) => i.status === 'fail').map((i) => i.id);
    };

    it('passes an ADR that chooses an allowed option, with a checkable downside and figure', async () => {
      await expect(strictFailing(full)).resolves.toEqual([]);
    });

    it('fails consequences that cannot be proved wrong: no downside, or no figure', async () => {
      await expect(
        strictFailing(full.replace('- Bad: a new system for on-call to run.', '- Bad: none expected.')),
      ).resolves.toEqual(['consequences-downside']);
      await expect(
        strictFailing(full.replace('p99 at peak drops from 390 ms to 16 ms', 'pages get much faster')),
      ).resolves.toEqual(['consequences-figure']);
    });

    it('fails a decision for an option the constraints rule out', async () => {
      await expect(
        strictFailing(full.replace('Chosen option 2, Redis.', 'Chosen option 1, no cache.')),
      ).resolves.toEqual(['decision-choice']);
    });

    it('fails figures copied from another row of the data, though each value is in it', async () => {
      const wrongRow = full.replace('p99 16 ms', 'cost 540 USD').replace(/16 ms/g, '540 USD');
      await expect(strictFailing(wrongRow)).resolves.toEqual(['figures-deciding']);
    });
  });
});
