import type { SuiteNode } from './suite-tree.ts';

/**
 * Vitest's seeded shuffle (`sequence.shuffle` with `sequence.seed`), so a seed gives the worker engine the
 * same order the real Vitest gives it: the same generator (@vitest/utils' `shuffle`, a sine-based
 * sequence from the seed), files sorted by path first (its RandomSequencer: only the seed decides), and in
 * each suite the group of sub-suites and the group of tests swapped by the seed, then each group shuffled
 * (its runner's runSuite). Concurrent groups do not exist here: the worker runs every test in sequence.
 */

function random(seed: number): number {
  const x = Math.sin(seed) * 1e4;
  return x - Math.floor(x);
}

/** Fisher–Yates driven by the seed, in place, exactly as Vitest's `shuffle`. */
export function seededShuffle<T>(array: T[], seed: number): T[] {
  let length = array.length;
  let next = seed;
  while (length) {
    const index = Math.floor(random(next) * length--);
    const previous = array[length] as T;
    array[length] = array[index] as T;
    array[index] = previous;
    ++next;
  }
  return array;
}

/** Test files in the order Vitest runs them for this seed. */
export function shuffleFiles(files: readonly string[], seed: number): string[] {
  return seededShuffle(
    [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    seed,
  );
}

/** Reorders every suite's children in place, as Vitest reorders them just before running the suite. */
export function shuffleSuiteTree(suite: SuiteNode, seed: number): void {
  const suites = suite.children.filter((child) => child.kind === 'suite');
  const tests = suite.children.filter((child) => child.kind === 'test');
  suite.children = seededShuffle<SuiteNode['children']>([suites, tests], seed).flatMap((group) =>
    seededShuffle(group, seed),
  );
  for (const child of suite.children) if (child.kind === 'suite') shuffleSuiteTree(child, seed);
}
