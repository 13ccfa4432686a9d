import { afterAll, describe, expect, it } from 'vitest';
import { applySnapshotUpdate, applySnapshotUpdates } from '../../src/runtime/snapshots/snapshot-update.ts';
import { createWorkerEngine } from '../../src/runtime/engines/worker/worker-engine.ts';
import { exerciseSchema } from '../../src/content/schema/exercise.ts';
import type { Files } from '../../src/runtime/checks/toolchain.ts';
import type { TestResult } from '../../src/runtime/report/check-report.ts';
import { nodeWorker } from './support/node-worker.ts';

const TEST_FILE = 'src/shape.test.ts';
const SNAP_FILE = 'src/__snapshots__/shape.test.ts.snap';

const source = [
  "import { describe, expect, it } from 'vitest';",
  "import { shape } from './shape';",
  '',
  "describe('shape', () => {",
  "  it('is still empty', () => {",
  '    expect(shape(2)).toMatchInlineSnapshot();',
  '  });',
  "  it('is out of date', () => {",
  "    expect(shape(3).sides).toMatchInlineSnapshot('4');",
  '  });',
  "  it('throws', () => {",
  '    expect(() => shape(-1)).toThrowErrorMatchingInlineSnapshot(`[Error: old]`);',
  '  });',
  "  it('is stored', () => {",
  '    expect(shape(1)).toMatchSnapshot({ name: expect.any(String) });',
  '  });',
  '});',
  '',
].join('\n');

const subject = [
  'export function shape(sides: number): { name: string; sides: number } {',
  "  if (sides < 0) throw new Error('no `negative` shapes');",
  '  return { name: `${sides}-gon`, sides };',
  '}',
  '',
].join('\n');

const staleSnap = [
  '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html',
  '',
  'exports[`shape > is stored 1`] = `',
  '{',
  '  "name": Any<String>,',
  '  "sides": 2,',
  '}',
  '`;',
  '',
].join('\n');

// A real worker thread: inside this Vitest process the harness would find Vitest's own snapshot matchers.
const engine = createWorkerEngine(
  {
    slug: 'snapshots',
    meta: exerciseSchema.parse({
      title: 'Snapshots',
      summary: 'The learner writes snapshot tests for shape().',
      lesson: 'demo',
      difficulty: 'intro',
      estimatedMinutes: 1,
      engine: 'worker',
      timeoutMs: 20_000,
      files: [TEST_FILE, 'src/shape.ts', SNAP_FILE].map((path) => ({ path, role: 'editable' })),
      checks: [{ id: 'tests', kind: 'tests', title: 'Your tests', files: [TEST_FILE] }],
      hints: ['Run the tests first.', 'Then update the snapshots.'],
    }),
    starter: {},
    hidden: {},
    solution: {},
    fixtures: {},
  },
  { createWorker: nodeWorker },
);
afterAll(() => engine.dispose());

async function run(files: Files): Promise<TestResult[]> {
  const report = await engine.check({ exercise: 'snapshots', files });
  return report.checks[0]?.tests ?? [];
}

describe('Update snapshot', () => {
  it(
    'writes what the worker engine offers, after which every snapshot test passes with nothing left to update',
    { timeout: 60_000 },
    async () => {
      let files: Files = { [TEST_FILE]: source, 'src/shape.ts': subject, [SNAP_FILE]: staleSnap };
      const first = await run(files);
      expect(first.map((t) => [t.name, t.status, t.snapshots?.length ?? 0])).toEqual([
        ['is still empty', 'pass', 1],
        ['is out of date', 'fail', 1],
        ['throws', 'fail', 1],
        ['is stored', 'fail', 1],
      ]);
      const updates = first.flatMap((t) => t.snapshots ?? []);
      for (const file of new Set(updates.map((u) => u.file))) {
        files = {
          ...files,
          [file]: applySnapshotUpdates(
            files[file],
            updates.filter((u) => u.file === file),
          ),
        };
      }
      const updated = files[TEST_FILE] ?? '';
      // Vitest's own layout: one-line values inline, several lines indented one step past the call's line.
      expect(updated).toContain(
        '    expect(shape(2)).toMatchInlineSnapshot(`\n      {\n        "name": "2-gon",\n        "sides": 2,\n      }\n    `);',
      );
      expect(updated).toContain('expect(shape(3).sides).toMatchInlineSnapshot(`3`);');
      // Backticks in the value are escaped, so the literal still ends where it should.
      expect(updated).toContain('toThrowErrorMatchingInlineSnapshot(`[Error: no \\`negative\\` shapes]`);');
      expect(files[SNAP_FILE]).toContain('"sides": 1,');

      const second = await run(files);
      expect(second.map((t) => [t.name, t.status])).toEqual([
        ['is still empty', 'pass'],
        ['is out of date', 'pass'],
        ['throws', 'pass'],
        ['is stored', 'pass'],
      ]);
      expect(second.flatMap((t) => t.snapshots ?? [])).toEqual([]);
    },
  );

  it('fills the snapshot after a properties argument, and creates a .snap file that did not exist', () => {
    const withProperties = "it('x', () => {\n  expect(v).toMatchInlineSnapshot({ id: expect.any(String) });\n});\n";
    expect(
      applySnapshotUpdate(withProperties, { kind: 'inline', file: 'a.test.ts', line: 2, column: 13, value: '{}' }),
    ).toBe("it('x', () => {\n  expect(v).toMatchInlineSnapshot({ id: expect.any(String) }, `{}`);\n});\n");
    expect(applySnapshotUpdate(undefined, { kind: 'file', file: SNAP_FILE, key: 'b 1', value: '"x"' })).toBe(
      '// Vitest Snapshot v1, https://vitest.dev/guide/snapshot.html\n\nexports[`b 1`] = `"x"`;\n',
    );
  });

  it('picks the call the stack names when a line holds two', () => {
    const two = 'expect(a).toMatchInlineSnapshot(`1`); expect(b).toMatchInlineSnapshot(`2`);\n';
    const second = two.lastIndexOf('toMatchInlineSnapshot') + 1;
    expect(applySnapshotUpdate(two, { kind: 'inline', file: 'a.test.ts', line: 1, column: second, value: '3' })).toBe(
      'expect(a).toMatchInlineSnapshot(`1`); expect(b).toMatchInlineSnapshot(`3`);\n',
    );
  });
});
