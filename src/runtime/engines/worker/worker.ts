import { serve } from './serve.ts';
import { reportUnhandledError, UNCAUGHT_EXCEPTION, UNHANDLED_REJECTION } from './unhandled-errors.ts';

/**
 * Module worker entry: connects the protocol to the worker's global scope. Typed by hand because the
 * project compiles against the DOM library, whose `self` is a Window, not a worker scope.
 *
 * Runs before any learner code, so it keeps its own references to the scope's messaging functions: code
 * under test that wraps `self.postMessage` or `addEventListener` later changes nothing the harness uses.
 * Each check run gets a fresh worker (worker-engine.ts), so nothing it changes survives the run either.
 */
interface WorkerScope {
  postMessage(message: unknown): void;
  close(): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: 'error' | 'unhandledrejection',
    listener: (event: { preventDefault(): void; error?: unknown; reason?: unknown }) => void,
  ): void;
}

const scope = globalThis as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const listen = scope.addEventListener.bind(scope);
const closeScope = scope.close.bind(scope);

// A learner's stray throw in a timer callback or an unhandled rejection would otherwise reach the page
// as the Worker's `error` event, which the host rightly treats as a dead worker. Vitest fails the run for
// such errors, so the running test file records them (unhandled-errors.ts); the run goes on.
listen('error', (event) => {
  event.preventDefault();
  reportUnhandledError(event.error, UNCAUGHT_EXCEPTION);
});
listen('unhandledrejection', (event) => {
  event.preventDefault();
  reportUnhandledError(event.reason, UNHANDLED_REJECTION);
});

// `self.close()` ends a worker without any event the host could see, which used to leave the run waiting
// for its time limit. Every `close` on the scope's prototype chain now says so first; the original is
// only reachable from here.
const announceClose = (): void => {
  post({ type: 'stopped', reason: 'The code under test closed the worker (self.close())' });
  closeScope();
};
for (let target: object | null = scope; target !== null; target = Object.getPrototypeOf(target) as object | null) {
  if (Object.prototype.hasOwnProperty.call(target, 'close'))
    Object.defineProperty(target, 'close', { value: announceClose, writable: false, configurable: false });
}

serve({
  postMessage: (message) => post(message),
  onMessage: (handler) => listen('message', (event) => handler(event.data)),
});
