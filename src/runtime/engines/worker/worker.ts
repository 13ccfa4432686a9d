import { serve } from './serve.ts';

/**
 * Module worker entry: connects the protocol to the worker's global scope. Typed by hand because the
 * project compiles against the DOM library, whose `self` is a Window, not a worker scope.
 */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

serve({
  postMessage: (message) => scope.postMessage(message),
  onMessage: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
});
