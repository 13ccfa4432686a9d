/**
 * Where a run's time went inside the worker, for the benchmark's breakdown of runs above the goal
 * (scripts/bench.ts): Sucrase turning files into JavaScript, evaluating the modules and collecting the
 * tests, running them, and lint. Each phase counts its own time only: the transforms a module load sets
 * off are counted as transform, not load. Timing only; nothing is graded on it.
 */
export interface PhaseTimes {
  transformMs: number;
  loadMs: number;
  testsMs: number;
  lintMs: number;
}

let totals: PhaseTimes = zero();

function zero(): PhaseTimes {
  return { transformMs: 0, loadMs: 0, testsMs: 0, lintMs: 0 };
}

/** Starts counting afresh (one run or one lint) and returns the totals of the previous count. */
export function resetPhases(): PhaseTimes {
  const previous = totals;
  totals = zero();
  return previous;
}

/** A synchronous step; transforms are always synchronous, so they nest inside any other phase. */
export function timePhase<T>(phase: keyof PhaseTimes, work: () => T): T {
  const from = performance.now();
  const transformedBefore = totals.transformMs;
  try {
    return work();
  } finally {
    addTime(phase, from, transformedBefore);
  }
}

/** An asynchronous step (module loads with top-level await, test bodies). */
export async function timePhaseAsync<T>(phase: keyof PhaseTimes, work: () => Promise<T>): Promise<T> {
  const from = performance.now();
  const transformedBefore = totals.transformMs;
  try {
    return await work();
  } finally {
    addTime(phase, from, transformedBefore);
  }
}

function addTime(phase: keyof PhaseTimes, from: number, transformedBefore: number): void {
  const elapsed = performance.now() - from;
  totals[phase] += phase === 'transformMs' ? elapsed : elapsed - (totals.transformMs - transformedBefore);
}
