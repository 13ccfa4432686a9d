/** Outer processes of runs in flight, killed if this process exits first (Ctrl-C) so no learner code lingers. */
const live = new Set<number>();
let installed = false;

/**
 * Registers a run's outer process (a group leader); returns the function that forgets it. Killing the
 * outer process ends the run's PID namespace, and with it every process inside.
 */
export function killAllOnExit(pid: number | undefined): () => void {
  install();
  if (pid === undefined) return () => undefined;
  live.add(pid);
  return () => live.delete(pid);
}

function install(): void {
  if (installed) return;
  installed = true;
  const killAll = (): void => {
    for (const pid of live) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  process.on('exit', killAll);
  // Runs are detached, so Ctrl-C in a terminal does not reach them, and a signal ends Node without an
  // 'exit' event. Kill them here; exit as the signal would have, unless someone else handles it (check
  // --watch stops gracefully on SIGINT).
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.on(signal, () => {
      killAll();
      if (process.listenerCount(signal) === 1) process.exit(code);
    });
  }
}
