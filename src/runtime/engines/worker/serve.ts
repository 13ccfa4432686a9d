import { composeWorkspace, pathsWithRole, type ExerciseBundle } from '../../exercise/bundle.ts';
import { EDITOR_LINT_CONFIG, EDITOR_LINT_CONFIG_PATH, editorLintTargets } from '../../checks/editor-lint-config.ts';
import { runChecks } from '../../grading/run-checks.ts';
import type { LintProblem } from '../../report/check-report.ts';
import type { Files } from '../../checks/toolchain.ts';
import { capData } from '../../report/cap-text.ts';
import { isHostMessage, type HostMessage, type WorkerMessage } from './protocol.ts';
import { WorkerToolchain } from './worker-toolchain.ts';
import { warmUp } from './warm-up.ts';
import { TYPE_KIT_GLOBAL, type TypeKit, type TypeKitLoader } from '../../typecheck/kit.ts';
import { resetPhases } from './phase-times.ts';

/**
 * The worker's side of the protocol, free of DOM types so it also runs in a Node worker thread (unit
 * tests). worker.ts connects it to the browser's worker scope.
 */

export interface WorkerPort {
  postMessage(message: WorkerMessage): void;
  onMessage(handler: (data: unknown) => void): void;
}

export interface ServeOptions {
  /** Where the kit comes from when `init` carries no script (a Node-hosted worker: node_modules). */
  loadTypeKit?: TypeKitLoader;
}

export function serve(port: WorkerPort, options: ServeOptions = {}): void {
  let typeKit: TypeKitLoader | undefined = options.loadTypeKit;
  const toolchain = new WorkerToolchain(() => {
    if (!typeKit) throw new Error('Type-aware checks need the TypeScript payload, which this worker was not given');
    return typeKit();
  });
  let bundle: ExerciseBundle | undefined;

  port.onMessage((data) => {
    if (!isHostMessage(data)) return;
    void handle(data).catch((error: unknown) => {
      const id = data.type === 'init' ? null : data.id;
      port.postMessage({
        type: 'failed',
        id,
        message: capData(error instanceof Error ? error.message : String(error)),
      });
    });
  });

  async function handle(message: HostMessage): Promise<void> {
    if (message.type === 'init') {
      if (message.typeKit !== undefined) typeKit = typeKitFromScript(message.typeKit);
      // Requests come only after `ready`, so the warm-up never runs alongside a learner's run.
      if (message.warm) await warmUp(message.bundle, toolchain, message.warm, message.likelyFiles);
      bundle = message.bundle;
      port.postMessage({ type: 'ready', exercise: bundle.slug });
      return;
    }
    if (!bundle) throw new Error('The worker has no exercise loaded yet');
    if (message.type === 'check') {
      // Every event is posted as it happens: if learner code then blocks this thread for good, the host
      // kills it and still reports what had finished.
      resetPhases();
      const report = await runChecks(bundle, message.files, toolchain, {
        timeoutMs: message.timeoutMs,
        onEvent: (event) => port.postMessage({ type: 'progress', id: message.id, event: capData(event) }),
      });
      port.postMessage({ type: 'report', id: message.id, report: capData(report), phases: resetPhases() });
    } else {
      const startedAt = performance.now();
      const problems = await lintVisible(bundle, message.files, toolchain);
      const engineMs = performance.now() - startedAt;
      port.postMessage({ type: 'lint-result', id: message.id, problems: capData(problems), engineMs });
    }
  }
}

/**
 * Every lint check's files, for editor markers; hidden files stay out of the answer, as in lintKind. An
 * exercise without a lint check still gets markers, from the editor's default bug-finding rules.
 */
async function lintVisible(bundle: ExerciseBundle, files: Files, toolchain: WorkerToolchain): Promise<LintProblem[]> {
  const workspace = composeWorkspace(bundle, files);
  const hidden = new Set(bundle.meta.files.filter((f) => f.role === 'hidden').map((f) => f.path));
  const signal = new AbortController().signal;
  const problems: LintProblem[] = [];
  if (!bundle.meta.checks.some((c) => c.kind === 'lint')) {
    const targets = editorLintTargets(pathsWithRole(bundle.meta, 'editable'));
    if (targets.length === 0) return [];
    const withConfig = { ...workspace, [EDITOR_LINT_CONFIG_PATH]: EDITOR_LINT_CONFIG };
    return toolchain.lint(withConfig, { config: EDITOR_LINT_CONFIG_PATH, targets }, signal);
  }
  for (const check of bundle.meta.checks) {
    if (check.kind !== 'lint') continue;
    const targets = check.files.filter((file) => !hidden.has(file));
    problems.push(
      ...(await toolchain.lint(workspace, { config: check.config, targets, typeAware: check.typeAware }, signal)),
    );
  }
  return problems;
}

/**
 * Runs the kit's script once, on first use (the frame's policy allows eval for the module loader), and
 * takes the kit it leaves on the global scope. Trusted code: the page built it, as it built this worker.
 */
function typeKitFromScript(source: string): TypeKitLoader {
  let kit: Promise<TypeKit> | undefined;
  return () =>
    (kit ??= Promise.resolve().then(() => {
      new Function(source)();
      const loaded = (globalThis as Record<string, unknown>)[TYPE_KIT_GLOBAL];
      if (loaded === undefined) throw new Error('The TypeScript payload did not load');
      return loaded as TypeKit;
    }));
}
