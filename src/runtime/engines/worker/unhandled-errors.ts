import type { UnhandledError } from '../../checks/test-file-failure.ts';

/**
 * Errors nobody caught while a test file ran: a throw in a timer callback, an unhandled rejection.
 * `vitest run` fails the run for them, so the worker engine must see them too. They arrive from the
 * host's own hooks: worker.ts (a browser worker's `error` and `unhandledrejection` events), the real
 * timers handed to test code (fake-clock.ts), and Node's process events when the engine is hosted in Node.
 */

type Sink = (error: UnhandledError) => void;

let sink: Sink | undefined;

export const UNCAUGHT_EXCEPTION = 'Uncaught Exception';
export const UNHANDLED_REJECTION = 'Unhandled Rejection';

/** Hands an error to the running capture; false when none runs (the host then drops it, as before). */
export function reportUnhandledError(error: unknown, type: string): boolean {
  if (!sink) return false;
  const isError = error instanceof Error;
  sink({
    type,
    name: isError ? error.name : '',
    message: isError ? error.message : String(error),
  });
  return true;
}

interface NodeProcess {
  on(event: string, listener: (error: unknown) => void): unknown;
  off(event: string, listener: (error: unknown) => void): unknown;
}

/** The real Node process, when there is one (not the test code's minimal one, which is module-scoped). */
function nodeProcess(): NodeProcess | undefined {
  const candidate = (globalThis as { process?: Partial<NodeProcess> & { versions?: { node?: string } } }).process;
  return typeof candidate?.on === 'function' && typeof candidate.off === 'function' && candidate.versions?.node
    ? (candidate as NodeProcess)
    : undefined;
}

/** Collects the uncaught errors of one test file run until `stop()`; `test()` names the running test. */
export function captureUnhandledErrors(test: () => string | undefined): { errors: UnhandledError[]; stop(): void } {
  const errors: UnhandledError[] = [];
  const previous = sink;
  sink = (error) => errors.push({ ...error, test: test() });
  const host = nodeProcess();
  const onException = (error: unknown): void => void reportUnhandledError(error, UNCAUGHT_EXCEPTION);
  const onRejection = (error: unknown): void => void reportUnhandledError(error, UNHANDLED_REJECTION);
  host?.on('uncaughtException', onException);
  host?.on('unhandledRejection', onRejection);
  return {
    errors,
    stop() {
      host?.off('uncaughtException', onException);
      host?.off('unhandledRejection', onRejection);
      sink = previous;
    },
  };
}
