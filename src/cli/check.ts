import { existsSync, watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CheckReport, Status } from '../runtime/report/check-report.ts';
import { pathsWithRole, visibleStarter, type ExerciseBundle } from '../runtime/exercise/bundle.ts';
import { runChecks } from '../runtime/grading/run-checks.ts';
import { writeFiles } from '../runtime/engines/node/run-folder.ts';
import type { Files, Toolchain } from '../runtime/checks/toolchain.ts';
import { reportLines } from './report-lines.ts';
import { paint } from './style.ts';
import { CliError } from './cli-error.ts';

/** Exit codes of `check`, so scripts can tell a failing answer from a broken run. */
export const EXIT: Record<Status, number> = { pass: 0, fail: 1, error: 2, timeout: 3 };

/** Copies the visible starter into `dir` unless it already holds the learner's work. */
export async function prepareWorkDir(bundle: ExerciseBundle, dir: string): Promise<boolean> {
  const kind = await stat(dir).catch(() => undefined);
  if (kind && !kind.isDirectory()) throw new CliError(`${dir} is not a folder: give --dir the folder with your files.`);
  const editable = pathsWithRole(bundle.meta, 'editable');
  if (editable.some((path) => existsSync(join(dir, path)))) return false;
  await writeFiles(dir, visibleStarter(bundle));
  return true;
}

/**
 * The learner's editable files as they are on disk. A missing one stops the check with its name: grading
 * an empty stand-in would report confusing failures (or mutants "killed" by a test file that is not there).
 */
export async function readLearnerFiles(bundle: ExerciseBundle, dir: string): Promise<Files> {
  const editable = pathsWithRole(bundle.meta, 'editable');
  const entries = await Promise.all(
    editable.map(async (path) => [path, await readFile(join(dir, path), 'utf8').catch(() => undefined)] as const),
  );
  const missing = entries.filter(([, text]) => text === undefined).map(([path]) => path);
  if (missing.length > 0) {
    throw new CliError(
      [
        `${dir} has no ${missing.join(', ')}: ${missing.length === 1 ? 'it is an editable file' : 'they are editable files'} of "${bundle.meta.title}".`,
        `Put your version back there, or start from the starter in an empty folder: npm run exercises -- check ${bundle.slug} --dir <new folder>`,
      ].join('\n'),
    );
  }
  return Object.fromEntries(entries.map(([path, text]) => [path, text ?? '']));
}

export async function checkOnce(
  bundle: ExerciseBundle,
  dir: string,
  toolchain: Toolchain,
  signal?: AbortSignal,
): Promise<CheckReport> {
  const files = await readLearnerFiles(bundle, dir);
  const report = await runChecks(bundle, files, toolchain, signal ? { signal } : {});
  console.log(reportLines(report).join('\n'));
  return report;
}

/**
 * Re-checks whenever a file under `dir` changes, debounced so an editor's save burst (write, rename,
 * chmod) gives one run; a change during a run cancels it and starts over with the newest files.
 */
export function watchAndCheck(
  bundle: ExerciseBundle,
  dir: string,
  toolchain: Toolchain,
  debounceMs = 250,
): { close: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: AbortController | undefined;
  const rerun = async (): Promise<void> => {
    current?.abort();
    const controller = new AbortController();
    current = controller;
    console.log(paint('dim', `\n── change detected, checking again (${new Date().toLocaleTimeString()}) ──`));
    try {
      await checkOnce(bundle, dir, toolchain, controller.signal);
      console.log(paint('dim', `Watching ${relative(process.cwd(), dir) || '.'} for changes (Ctrl-C to stop)`));
    } catch (error) {
      if (!controller.signal.aborted) console.error(paint('red', (error as Error).message, process.stderr));
    }
  };
  const watcher = watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => void rerun(), debounceMs);
  });
  return {
    close: () => {
      clearTimeout(timer);
      current?.abort();
      watcher.close();
    },
  };
}
