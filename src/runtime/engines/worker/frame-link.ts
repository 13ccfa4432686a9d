import type { PageToFrame } from './frame-protocol.ts';
import { isFrameToPage } from './frame-protocol.ts';
import type { RelayPort } from './frame-relay.ts';
import type { WorkerEvents, WorkerFactory } from './worker-engine.ts';

/**
 * The page's end of the sandbox frame's port, as a WorkerFactory for the worker engine: each worker the
 * engine starts is a numbered worker inside the frame. Free of DOM types (src/ui/sandbox/ opens the frame
 * and hands over the port), so the whole page-frame-worker path runs under Node in unit tests.
 */
export function linkedWorkerFactory(connect: () => Promise<RelayPort>): WorkerFactory {
  let link: Promise<Link> | undefined;
  let nextWorker = 1;
  return (events) => {
    link ??= connect().then((port) => new Link(port));
    const current = link;
    const id = nextWorker++;
    let terminated = false;
    // Sent in order: every message waits on the same promise, so `spawn` goes before the first `post`.
    const send = (message: PageToFrame): void => {
      current.then(
        (l) => l.send(message),
        () => undefined,
      );
    };
    current.then(
      (l) => {
        if (terminated) return;
        l.workers.set(id, events);
        l.send({ type: 'spawn', worker: id });
      },
      (error: unknown) => events.onError(error instanceof Error ? error.message : String(error)),
    );
    return {
      postMessage: (message) => {
        if (!terminated) send({ type: 'post', worker: id, message });
      },
      terminate: () => {
        if (terminated) return;
        terminated = true;
        void current.then(
          (l) => l.workers.delete(id),
          () => undefined,
        );
        send({ type: 'terminate', worker: id });
      },
    };
  };
}

class Link {
  readonly workers = new Map<number, WorkerEvents>();
  readonly #port: RelayPort;

  constructor(port: RelayPort) {
    this.#port = port;
    port.listen((message) => {
      if (!isFrameToPage(message) || message.type === 'frame-ready') return;
      const events = this.workers.get(message.worker);
      if (message.type === 'from-worker') events?.onMessage(message.message);
      else events?.onError(message.message);
    });
  }

  send(message: PageToFrame): void {
    this.#port.postMessage(message);
  }
}
