import type { HostMessage, WorkerMessage } from '../../../src/runtime/engines/worker/protocol.ts';
import type { WorkerFactory } from '../../../src/runtime/engines/worker/worker-engine.ts';
import type { CheckReport } from '../../../src/runtime/report/check-report.ts';

/**
 * An in-process stand-in for the worker, for host races that need exact timing: it boots at once and
 * answers only when the test says so.
 */
export interface FakeWorker {
  received: HostMessage[];
  terminated: boolean;
  reply(message: WorkerMessage): void;
  lastCheckId(): number;
}

export function fakeWorkerFactory(workers: FakeWorker[]): WorkerFactory {
  return (events) => {
    const worker: FakeWorker = {
      received: [],
      terminated: false,
      reply: (message) => {
        if (!worker.terminated) events.onMessage(message);
      },
      lastCheckId: () => {
        const checks = worker.received.filter((m) => m.type === 'check');
        return checks.at(-1)?.id ?? -1;
      },
    };
    workers.push(worker);
    return {
      postMessage: (message) => {
        worker.received.push(message);
        if (message.type === 'init')
          queueMicrotask(() => worker.reply({ type: 'ready', exercise: message.bundle.slug }));
      },
      terminate: () => {
        worker.terminated = true;
      },
    };
  };
}

export const passReport: CheckReport = {
  version: 1,
  exercise: '',
  engine: 'worker',
  startedAt: new Date(0).toISOString(),
  durationMs: 1,
  verdict: 'pass',
  checks: [],
};
