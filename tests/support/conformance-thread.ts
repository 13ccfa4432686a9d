import { parentPort, workerData } from 'node:worker_threads';
import type { Files } from '../../src/runtime/checks/toolchain.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';

// The worker engine's harness for the conformance suite, in a thread of its own: the suite's deliberate
// unhandled rejections must reach this thread's process events, not the Vitest running the unit test.
const port = parentPort;
if (!port) throw new Error('conformance-thread.ts must run in a worker thread');
const { files, targets } = workerData as { files: Files; targets: string[] };
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
const results = await new WorkerToolchain().test(files, { targets }, AbortSignal.timeout(300_000));
port.postMessage(results);
