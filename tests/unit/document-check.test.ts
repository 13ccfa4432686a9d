import { describe, expect, it } from 'vitest';
import { documentKind } from '../../src/runtime/checks/document.ts';
import type { CheckContext, SpecOf } from '../../src/runtime/checks/kind.ts';

const spec: SpecOf<'document'> = {
  id: 'adr',
  title: 'ADR structure',
  kind: 'document',
  file: 'docs/adr.md',
  requiredHeadings: ['Context', 'Decision', 'Consequences'],
  statusValues: ['Proposed', 'Accepted'],
  minTables: 1,
};

function check(text: string) {
  return documentKind.run(spec, { workspace: { 'docs/adr.md': text } } as unknown as CheckContext);
}

const goodAdr = `# ADR 7: Cache product pages

Status: **Accepted**

## Context
Reads dominate.

## Decision
Cache in Redis.

| option | p99 |
| --- | --- |
| none | 180 ms |

## Consequences
Stale reads for up to 60 s.
`;

describe('document check', () => {
  it('passes an ADR with the sections, a valid status and a table', async () => {
    const outcome = await check(goodAdr);
    expect(outcome.status).toBe('pass');
    expect(outcome.summary).toBe('5 of 5 structure rules met');
  });

  it('names each missing section, a bad status and a missing table', async () => {
    const outcome = await check('# ADR\n\nStatus: maybe\n\n## Context\n\n```md\n## Decision\n```\n');
    expect(outcome.status).toBe('fail');
    const failed = outcome.items?.filter((i) => i.status === 'fail').map((i) => i.label);
    expect(failed).toEqual([
      'Has a "Decision" section',
      'Has a "Consequences" section',
      'Status is one of Proposed, Accepted',
      'At least 1 table(s)',
    ]);
  });

  it('reads the status from a Status section too', async () => {
    const outcome = await check(goodAdr.replace('Status: **Accepted**', '## Status\n\nProposed'));
    expect(outcome.items?.find((i) => i.id === 'status')?.status).toBe('pass');
  });

  it('accepts a dated status, as the lessons write it, but not a word that only starts like one', async () => {
    const dated = await check(
      goodAdr.replace('Status: **Accepted**', 'Status: accepted (2026-03-16), see incident 2026-03-14.'),
    );
    expect(dated.items?.find((i) => i.id === 'status')?.status).toBe('pass');
    const other = await check(goodAdr.replace('Status: **Accepted**', 'Status: acceptedish'));
    expect(other.items?.find((i) => i.id === 'status')?.status).toBe('fail');
  });
});
