/**
 * What a sandboxed run may use. A run that passes one is stopped and its result names the limit, so a
 * grader can say "your code used more than 512 MB" instead of a bare crash.
 */
export interface SandboxLimits {
  /** Wall-clock time for the whole run, milliseconds. Always enforced (by this process). */
  wallMs: number;
  /** CPU time per process, seconds (RLIMIT_CPU): an endless loop dies even if the wall limit is long. */
  cpuSeconds: number;
  /** Memory of all the run's processes together, bytes (a cgroup), or of the V8 heap where no cgroup. */
  memoryBytes: number;
  /** Processes and threads of the run together (a cgroup's pids.max, else RLIMIT_NPROC). */
  processes: number;
  /** Bytes of stdout plus stderr kept; past it the run is stopped. */
  outputBytes: number;
  /** Largest file a process may write, bytes (RLIMIT_FSIZE), so one file cannot fill the disk. */
  fileBytes: number;
}

/** Which limit stopped a run; `signal` is a process killed by a signal that is none of the limits. */
export type LimitHit = 'timeout' | 'cpu' | 'memory' | 'processes' | 'output' | 'signal';

/**
 * Sized for ESLint and one Vitest process with its worker threads on a small exercise: the slowest
 * exercise verifies in a few seconds and peaks well under these (measured: about 40 tasks, 400 MB).
 */
export const DEFAULT_LIMITS: SandboxLimits = {
  wallMs: 120_000,
  cpuSeconds: 60,
  memoryBytes: 1024 * 1024 * 1024,
  processes: 256,
  outputBytes: 4 * 1024 * 1024,
  fileBytes: 64 * 1024 * 1024,
};

/** One sentence per limit, for errors a learner reads ("Stopped: …"). */
export function describeLimitHit(hit: LimitHit, limits: SandboxLimits): string {
  const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;
  switch (hit) {
    case 'timeout':
      return `Stopped after ${limits.wallMs} ms: the code under test did not finish (an endless loop or a promise that never settles?)`;
    case 'cpu':
      return `Stopped after ${limits.cpuSeconds} s of CPU time: the code under test kept computing (an endless loop?)`;
    case 'memory':
      return `Stopped: the code under test used more than ${mb(limits.memoryBytes)} of memory`;
    case 'processes':
      return `Stopped: the code under test started more than ${limits.processes} processes or threads`;
    case 'output':
      return `Stopped: the run printed more than ${mb(limits.outputBytes)} of output`;
    case 'signal':
      return 'Stopped: a process of the run was killed by a signal';
  }
}
