import type { CheckReport, LintProblem } from '../../report/check-report.ts';
import type { CheckRequest, Engine, RunOptions } from '../engine.ts';
import { composeWorkspace, type ExerciseBundle } from '../../exercise/bundle.ts';
import { runChecks } from '../../grading/run-checks.ts';
import { NodeToolchain } from './node-toolchain.ts';

/**
 * The Engine interface over the Node toolchain, for callers that speak Engine (a server-side grader, the
 * CLI's future JSON mode). Bundles come from the caller, so the engine reads no files of its own.
 */
export class NodeEngine implements Engine {
  readonly name = 'node' as const;
  readonly #loadBundle: (slug: string) => Promise<ExerciseBundle>;
  readonly #toolchain: NodeToolchain;
  readonly #running = new Set<AbortController>();

  constructor(loadBundle: (slug: string) => Promise<ExerciseBundle>, toolchain = new NodeToolchain()) {
    this.#loadBundle = loadBundle;
    this.#toolchain = toolchain;
  }

  async check(request: CheckRequest, options: RunOptions = {}): Promise<CheckReport> {
    const bundle = await this.#loadBundle(request.exercise);
    options.onStatus?.({ phase: 'running' });
    return this.#withController(options.signal, (signal) =>
      runChecks(bundle, request.files, this.#toolchain, { signal }),
    );
  }

  /** Problems from every lint check's config on the learner's editable files, for editor markers. */
  async lint(request: CheckRequest, options: RunOptions = {}): Promise<LintProblem[]> {
    const bundle = await this.#loadBundle(request.exercise);
    const workspace = composeWorkspace(bundle, request.files);
    const editable = new Set(bundle.meta.files.filter((f) => f.role === 'editable').map((f) => f.path));
    const problems: LintProblem[] = [];
    for (const check of bundle.meta.checks) {
      if (check.kind !== 'lint') continue;
      const targets = check.files.filter((f) => editable.has(f));
      if (targets.length === 0) continue;
      problems.push(
        ...(await this.#withController(options.signal, (signal) =>
          this.#toolchain.lint(workspace, { config: check.config, targets, typeAware: check.typeAware }, signal),
        )),
      );
    }
    return problems;
  }

  /** Cancels every run in flight; each sandbox is killed with every process in it. */
  dispose(): void {
    for (const controller of this.#running) controller.abort(new DOMException('The engine was disposed', 'AbortError'));
    this.#running.clear();
  }

  async #withController<T>(outer: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    const forward = (): void => controller.abort(outer?.reason);
    outer?.addEventListener('abort', forward, { once: true });
    this.#running.add(controller);
    try {
      return await work(controller.signal);
    } finally {
      outer?.removeEventListener('abort', forward);
      this.#running.delete(controller);
    }
  }
}
