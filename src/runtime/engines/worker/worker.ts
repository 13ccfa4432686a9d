import { serve } from './serve.ts';

/**
 * Module worker entry: connects the protocol to the worker's global scope. Typed by hand because the
 * project compiles against the DOM library, whose `self` is a Window, not a worker scope.
 */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { preventDefault(): void }) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

// A learner's stray throw in a timer callback or an unhandled rejection would otherwise reach the page
// as the Worker's `error` event, which the host rightly treats as a dead worker. Vitest reports such
// errors without failing tests, so they are dropped here; the run goes on.
scope.addEventListener('error', (event) => event.preventDefault());
scope.addEventListener('unhandledrejection', (event) => event.preventDefault());

serve({
  postMessage: (message) => scope.postMessage(message),
  onMessage: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
});
