import type { CheckSpec } from '../../content/schema/exercise.ts';
import type { CheckResult } from '../report/check-report.ts';
import type { ExerciseBundle } from '../exercise/bundle.ts';
import type { Files, Toolchain } from './toolchain.ts';

/** The spec of one kind, e.g. SpecOf<'lint'>. */
export type SpecOf<K extends CheckSpec['kind']> = Extract<CheckSpec, { kind: K }>;

/** Bundle files beyond the composed workspace that one check reads. */
export interface BundleReads {
  /** Workspace paths of solution/ files (e.g. the reference subject of mutation testing). */
  solution: readonly string[];
  /** Exercise-relative fixture paths (mutants, answer keys). */
  fixtures: readonly string[];
}

export const READS_NOTHING: BundleReads = { solution: [], fixtures: [] };

export interface CheckKind<S extends CheckSpec = CheckSpec> {
  readonly kind: S['kind'];
  /** What it asks of the toolchain; 'none' kinds are pure and run anywhere, even before a toolchain boots. */
  readonly toolchain: 'none' | 'lint' | 'test' | 'typecheck';
  /** 'node': needs real processes (the CLI, a server, a WebContainer); 'any': the browser worker can run it. */
  readonly runtime: 'any' | 'node';
  /** Bundle files it reads besides the workspace, so what ships to the browser is only what checks need. */
  reads(spec: S): BundleReads;
  /**
   * True when what it reads is an answer key (a review's seeded defects, a decision matrix's expected
   * picks): the engine must grade it where the learner cannot read the key, i.e. on submit, server-side.
   */
  readonly answerKeyIsSecret: boolean;
  /** Grades one check; throwing means the check could not run (status error), not that it failed. */
  run(spec: S, context: CheckContext): Promise<CheckOutcome>;
}

/**
 * How much of a secret answer key a report may show. 'found': only what the learner found (a missed defect
 * is counted, not named), so submitting again is not copying the key; 'all': everything, after a final
 * submission or for an author.
 */
export type KeyReveal = 'found' | 'all';

export interface CheckContext {
  bundle: ExerciseBundle;
  /** starter ⊕ hidden ⊕ the learner's editable files. */
  workspace: Files;
  toolchain: Toolchain;
  /** Aborted when the run is cancelled or passes its time limit; pass it to every toolchain call. */
  signal: AbortSignal;
  /** What the answer-key kinds may reveal in their items; code kinds ignore it. */
  reveal: KeyReveal;
}

/** What a kind decides; the runner adds id, kind, title and the duration. */
export type CheckOutcome = Omit<CheckResult, 'id' | 'kind' | 'title' | 'durationMs'> & {
  status: 'pass' | 'fail' | 'error';
};
