import { Worker } from 'node:worker_threads';
import type { WorkerFactory } from '../../../src/runtime/engines/worker/worker-engine.ts';

/**
 * A real thread for the worker engine under Node, so host tests exercise terminate-and-restart on a
 * genuinely blocked worker. Node strips the TypeScript of the entry and everything it imports.
 */
export const nodeWorker: WorkerFactory = (events) => {
  const worker = new Worker(new URL('./worker-thread-entry.ts', import.meta.url));
  worker.on('message', (data: unknown) => events.onMessage(data));
  worker.on('error', (error) => events.onError(error.message));
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
  };
};
