import { isWorkerMessage, type HostMessage, type WorkerMessage } from './protocol.ts';

/**
 * Messages between the page and the sandbox frame (src/ui/sandbox/), which hosts the engine's workers in
 * an opaque origin (docs/adr/0008). The page hands the frame one MessagePort and the worker bundle's
 * source in a `connect` message; everything after travels over that port. Workers are numbered by the
 * page; the frame only relays, after checking each worker message's tag and capping its text.
 */

/** Sent once through window.postMessage (an opaque frame accepts nothing else), with the port attached. */
export interface FrameConnect {
  type: 'craftpath-sandbox-connect';
  /** The engine worker bundle, a classic script; the frame cannot fetch it (opaque origin, connect-src 'none'). */
  workerSource: string;
}

export type PageToFrame =
  /** Start worker `worker` from the bundle, in a fresh realm. */
  | { type: 'spawn'; worker: number }
  | { type: 'post'; worker: number; message: HostMessage }
  | { type: 'terminate'; worker: number };

export type FrameToPage =
  /** The port is connected and the bundle is in hand; spawn requests are served from now on. */
  | { type: 'frame-ready' }
  | { type: 'from-worker'; worker: number; message: WorkerMessage }
  /** The worker failed to load or threw outside the harness's handlers: it is no longer usable. */
  | { type: 'worker-error'; worker: number; message: string };

const PAGE_TYPES: ReadonlySet<string> = new Set(['spawn', 'post', 'terminate']);

export function isFrameConnect(data: unknown): data is FrameConnect {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return record['type'] === 'craftpath-sandbox-connect' && typeof record['workerSource'] === 'string';
}

export function isPageToFrame(data: unknown): data is PageToFrame {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  return typeof record['type'] === 'string' && PAGE_TYPES.has(record['type']) && Number.isInteger(record['worker']);
}

export function isFrameToPage(data: unknown): data is FrameToPage {
  if (typeof data !== 'object' || data === null) return false;
  const record = data as Record<string, unknown>;
  switch (record['type']) {
    case 'frame-ready':
      return true;
    case 'from-worker':
      return Number.isInteger(record['worker']) && isWorkerMessage(record['message']);
    case 'worker-error':
      return Number.isInteger(record['worker']) && typeof record['message'] === 'string';
    default:
      return false;
  }
}
