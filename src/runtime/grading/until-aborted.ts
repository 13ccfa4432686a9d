/**
 * Settles with `work`, or rejects with the signal's reason once it aborts. After an abort it still waits
 * up to `graceMs` for `work` to settle, so a toolchain that honours the signal can kill its processes and
 * remove its files before the report is returned; one that ignores the signal cannot hold the run longer.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal, graceMs = 2_000): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      const giveUp = setTimeout(() => reject(signal.reason as Error), graceMs);
      work
        .then(
          () => undefined,
          () => undefined,
        )
        .finally(() => {
          clearTimeout(giveUp);
          reject(signal.reason as Error);
        });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
