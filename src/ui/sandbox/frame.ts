import { isFrameConnect } from '../../runtime/engines/worker/frame-protocol.ts';
import { relayPort, relayWorkers } from '../../runtime/engines/worker/frame-relay.ts';

/**
 * The script of the sandbox frame (sandbox-frame.ts builds the frame around it). It runs in an opaque
 * origin, so it cannot fetch the engine worker's bundle: the page sends the source with the port, and
 * every worker starts from a blob: URL made here, inheriting this frame's origin and its
 * Content-Security-Policy (no network). Bundled on its own into an inline script by worker-bundle.ts.
 */
function connect(event: MessageEvent): void {
  const port = event.ports[0];
  if (event.source !== window.parent || !isFrameConnect(event.data) || !port) return;
  window.removeEventListener('message', connect);
  const url = URL.createObjectURL(new Blob([event.data.workerSource], { type: 'text/javascript' }));
  relayWorkers(relayPort(port), (onMessage, onError) => {
    const worker = new Worker(url, { name: 'craftpath-engine' });
    worker.addEventListener('message', (message) => onMessage(message.data));
    worker.addEventListener('messageerror', () => onError('A message from the worker could not be read'));
    worker.addEventListener('error', (error) => {
      error.preventDefault();
      onError(error.message || 'The worker failed to start');
    });
    return worker;
  });
}

window.addEventListener('message', connect);
