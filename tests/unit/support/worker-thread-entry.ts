import { parentPort } from 'node:worker_threads';
import { serve } from '../../../src/runtime/engines/worker/serve.ts';
import { loadNodeTypeKit } from '../../../src/runtime/engines/node/node-type-kit.ts';

// The worker engine's entry for Node worker threads: the same serve() as the browser entry, over parentPort.
const port = parentPort;
if (!port) throw new Error('worker-thread-entry.ts must run in a worker thread');
// As worker.ts does in browsers: a learner's stray async error must not bring the thread down.
process.on('uncaughtException', () => {});
process.on('unhandledRejection', () => {});
// The type kit from node_modules, where the browser's page would send its script in `init`.
serve(
  {
    postMessage: (message) => port.postMessage(message),
    onMessage: (handler) => port.on('message', handler),
  },
  { loadTypeKit: loadNodeTypeKit },
);
