import { shuffle as vitestShuffle } from '@vitest/utils/helpers';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeToolchain } from '../../src/runtime/engines/node/node-toolchain.ts';
import { ensureInstalled } from '../../src/runtime/engines/webcontainer/install.ts';
import { WebContainerToolchain } from '../../src/runtime/engines/webcontainer/webcontainer-toolchain.ts';
import { NodeSandbox } from './support/node-sandbox.ts';
import { seededShuffle, shuffleFiles } from '../../src/runtime/engines/worker/shuffle.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';
import { testsCheckSchema } from '../../src/content/schema/exercise.ts';
import { testsKind } from '../../src/runtime/checks/tests.ts';
import type { Files, Toolchain } from '../../src/runtime/checks/toolchain.ts';
import type { TestResult } from '../../src/runtime/report/check-report.ts';
import { solutionFiles, type ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';
import { loadExercise } from '../../src/runtime/exercise/load-from-disk.ts';
import { runChecks } from '../../src/runtime/grading/run-checks.ts';

/**
 * Options of the `tests` check. Seeded shuffled runs (`shuffle`): the worker engine must put tests in the
 * order the real Vitest puts them for a seed, so a failure the learner replays with
 * `--sequence.seed=<n>` is the failure they were shown, and state shared between tests must fail.
 */

/** Each test appends its name and fails on purpose, so its failure shows the order so far. */
const ORDER_PROBE = `import { afterAll, describe, expect, it } from 'vitest';
const seen: string[] = [];
const probe = (name: string) => () => { seen.push(name); expect(seen.join(',')).toBe('order'); };
it('a', probe('a'));
it('b', probe('b'));
describe('inner', () => {
  it('c', probe('c'));
  it('d', probe('d'));
  it('e', probe('e'));
});
it('f', probe('f'));
it('g', probe('g'));
`;

/** Two tests that pass only in the declared order: the second reads what the first left behind. */
const SHARED_STATE = `import { expect, it } from 'vitest';
let count = 0;
it('first counts one', () => { count += 1; expect(count).toBe(1); });
it('second sees two', () => { count += 1; expect(count).toBe(2); });
it('third sees three', () => { count += 1; expect(count).toBe(3); });
`;

const INDEPENDENT = `import { expect, it } from 'vitest';
it('one', () => { let count = 0; count += 1; expect(count).toBe(1); });
it('two', () => { let count = 1; count += 1; expect(count).toBe(2); });
`;

/** The order the probe saw: the `actual` of the last failure, e.g. "b,a,e,c,d,g,f". */
function orderSeen(results: readonly TestResult[]): string {
  return results.map((r) => r.failure?.actual ?? '').sort((x, y) => y.length - x.length)[0] ?? '';
}

const worker = new WorkerToolchain();
const node = new NodeToolchain();
const signal = () => AbortSignal.timeout(60_000);

function check(toolchain: Toolchain, files: Files, seed: number) {
  const spec = testsCheckSchema.parse({
    id: 'any-order',
    title: 'Green in any order',
    kind: 'tests',
    files: ['src/x.test.ts'],
    shuffle: { runs: 3, seed },
  });
  return testsKind.run(spec, {
    bundle: {} as ExerciseBundle,
    workspace: files,
    toolchain,
    signal: signal(),
    reveal: 'all',
  });
}

describe('seeded shuffle', () => {
  it('draws the same permutation as Vitest’s own shuffle for every seed', () => {
    for (let seed = 0; seed < 200; seed++) {
      const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
      expect(seededShuffle([...items], seed)).toEqual(vitestShuffle([...items], seed));
    }
  });

  it('orders files by path before shuffling, so the listed order does not change the result', () => {
    expect(shuffleFiles(['b.test.ts', 'a.test.ts', 'c.test.ts'], 7)).toEqual(
      shuffleFiles(['c.test.ts', 'a.test.ts', 'b.test.ts'], 7),
    );
  });

  it('runs tests in the order the real Vitest runs them for the same seed', async () => {
    const files = { 'src/x.test.ts': ORDER_PROBE };
    for (const seed of [1, 42, 1234]) {
      const request = { targets: ['src/x.test.ts'], shuffleSeed: seed };
      const fromWorker = orderSeen(await worker.test(files, request, signal()));
      const fromNode = orderSeen(await node.test(files, request, signal()));
      expect(fromWorker).toBe(fromNode);
      expect(fromWorker).not.toContain('a,b,c,d,e,f,g');
    }
  }, 120_000);

  it('gives the WebContainer engine the same order (its Vitest gets the same flags), over a real folder', async () => {
    const dir = await mkdtemp(join(fileURLToPath(new URL('../../', import.meta.url)), '.cache', 'wc-shuffle-'));
    afterAll(() => rm(dir, { recursive: true, force: true }));
    const box = new NodeSandbox(dir);
    await ensureInstalled(box, { expected: [] });
    const files = { 'src/x.test.ts': ORDER_PROBE };
    const request = { targets: ['src/x.test.ts'], shuffleSeed: 42 };

    const fromContainer = orderSeen(await new WebContainerToolchain(box).test(files, request, signal()));

    expect(fromContainer).toBe(orderSeen(await worker.test(files, request, signal())));
  }, 120_000);

  it('keeps the declared order without a seed', async () => {
    const results = await worker.test({ 'src/x.test.ts': ORDER_PROBE }, { targets: ['src/x.test.ts'] }, signal());
    expect(orderSeen(results)).toContain('a,b,c,d,e,f,g');
  });

  it.each([
    ['worker', worker],
    ['node', node],
  ] as const)(
    'fails tests that share state in the %s engine and names the seed to replay',
    async (_, toolchain) => {
      const files = { 'src/x.test.ts': SHARED_STATE };
      const inOrder = await toolchain.test(files, { targets: ['src/x.test.ts'] }, signal());
      expect(inOrder.map((t) => t.status)).toEqual(['pass', 'pass', 'pass']);

      const outcome = await check(toolchain, files, 3);
      expect(outcome.status).toBe('fail');
      expect(outcome.summary).toMatch(/in shuffled order, seed [345]\b/);
      const failed = outcome.tests?.find((t) => t.status === 'fail');
      expect(failed?.failure?.message).toMatch(/--sequence\.shuffle --sequence\.seed=[345]\b/);
    },
    60_000,
  );

  it('passes independent tests in every shuffled run and lists the seeds it used', async () => {
    const outcome = await check(worker, { 'src/x.test.ts': INDEPENDENT }, 10);
    expect(outcome).toMatchObject({
      status: 'pass',
      summary: '2 of 2 tests pass in 3 shuffled orders (seeds 10, 11, 12)',
    });
  });
});

describe('starterFiles: grading an intermediate migration step', () => {
  it('fails readers that handle only null while the old provider still sends an empty string', async () => {
    const { bundle } = await loadExercise('exercises', 'nullable-field-migration');
    const solved = solutionFiles(bundle);
    const nullOnly = {
      ...solved,
      'src/consumers/feed-renderer.ts': (solved['src/consumers/feed-renderer.ts'] ?? '').replace(
        'author.displayName?.trim() || `@${author.handle}`',
        'author.displayName ?? `@${author.handle}`',
      ),
    };
    const statuses = async (files: Files) =>
      Object.fromEntries((await runChecks(bundle, files, worker)).checks.map((c) => [c.id, c.status]));

    expect(await statuses(solved)).toMatchObject({ 'step-readers-first': 'pass', contracts: 'pass' });
    // The end state alone cannot tell: with the provider returning null, `??` works.
    expect(await statuses(nullOnly)).toMatchObject({ 'step-readers-first': 'fail', contracts: 'pass' });
  });
});
