import { capData } from '../../report/cap-text.ts';
import { isPageToFrame, type FrameToPage } from './frame-protocol.ts';
import { isWorkerMessage, type HostMessage } from './protocol.ts';

/**
 * The sandbox frame's job, free of DOM types so it runs under Node in unit tests: start workers when the
 * page asks, pass the page's requests in, and pass back only well-formed worker messages, with their text
 * capped. The frame runs no learner code itself (that runs in the workers), so this is the first place
 * on the way to the page that code under test cannot tamper with.
 */

/** One end of a MessageChannel (the browser's MessagePort, or Node's), as both ends use it. */
export interface RelayPort {
  postMessage(message: unknown): void;
  /** Replaces the port's one message handler. */
  listen(handler: (data: unknown) => void): void;
}

/** A MessagePort as a RelayPort; assigning `onmessage` also starts the port. */
export function relayPort(port: {
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent) => void) | null;
}): RelayPort {
  return {
    postMessage: (message) => port.postMessage(message),
    listen: (handler) => {
      port.onmessage = (event) => handler(event.data);
    },
  };
}

export interface RelayedWorker {
  postMessage(message: HostMessage): void;
  terminate(): void;
}

/** Starts one worker; `onError` is for a worker that failed to load or died. */
export type SpawnWorker = (onMessage: (data: unknown) => void, onError: (message: string) => void) => RelayedWorker;

export function relayWorkers(port: RelayPort, spawn: SpawnWorker): void {
  const workers = new Map<number, RelayedWorker>();
  const send = (message: FrameToPage): void => port.postMessage(message);
  port.listen((request) => {
    if (!isPageToFrame(request)) return;
    const id = request.worker;
    if (request.type === 'spawn') {
      if (workers.has(id)) return;
      workers.set(
        id,
        spawn(
          (data) => {
            if (workers.has(id) && isWorkerMessage(data))
              send({ type: 'from-worker', worker: id, message: capData(data) });
          },
          (message) => {
            if (workers.has(id)) send({ type: 'worker-error', worker: id, message: capData(message) });
          },
        ),
      );
    } else if (request.type === 'post') {
      workers.get(id)?.postMessage(request.message);
    } else {
      workers.get(id)?.terminate();
      workers.delete(id);
    }
  });
  send({ type: 'frame-ready' });
}
