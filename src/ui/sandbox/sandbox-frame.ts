import { linkedWorkerFactory } from '../../runtime/engines/worker/frame-link.ts';
import type { FrameConnect } from '../../runtime/engines/worker/frame-protocol.ts';
import { relayPort, type RelayPort } from '../../runtime/engines/worker/frame-relay.ts';

/**
 * The worker engine's workers, started inside a sandboxed frame without `allow-same-origin`: learner code
 * (tests, subjects, ESLint configs) runs in an opaque origin, so the site's storage, caches, cookies and
 * service worker are out of its reach, and the frame's Content-Security-Policy forbids any network
 * access. One frame per page; the page talks to it over one MessagePort (frame-protocol.ts).
 * docs/adr/0008-learner-code-in-an-opaque-sandbox-frame.md says why and what each part can reach.
 */

let opened: Promise<RelayPort> | undefined;

/** Opens the page's frame (once) without starting a worker: a prefetch, so the first Start does not wait for it. */
export function openSandbox(): Promise<RelayPort> {
  opened ??= openFrame();
  opened.catch(() => (opened = undefined));
  return opened;
}

export const sandboxWorker = linkedWorkerFactory(openSandbox);

/**
 * The type kit's script for the engine's workers: a module of its own (megabytes), imported only when an
 * exercise with type-aware checks asks for it (worker-engine.ts decides), then sent in each `init`.
 */
export async function typeKitSource(): Promise<string> {
  return (await import('virtual:craftpath/type-kit-source')).typeKitSource;
}

/**
 * `srcdoc` rather than a URL: an about:srcdoc document inherits the page's COEP, so it loads on
 * cross-origin isolated pages (WebContainers) with no header of its own, in dev, preview and every host.
 */
async function openFrame(): Promise<RelayPort> {
  const { workerSource, frameScript, frameScriptHash } = await import('virtual:craftpath/engine-sources');
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('data-engine-sandbox', '');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.hidden = true;
  frame.srcdoc = frameDocument(frameScript, frameScriptHash);
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  document.body.append(frame);
  await loaded;
  const target = frame.contentWindow;
  if (!target) throw new Error('The sandbox frame did not open');
  const channel = new MessageChannel();
  const port = relayPort(channel.port1);
  // The frame's first message is `frame-ready`; the link takes the port over after it.
  const ready = new Promise<void>((resolve) => port.listen(() => resolve()));
  const connect: FrameConnect = { type: 'craftpath-sandbox-connect', workerSource };
  // '*': the frame's origin is opaque ("null"), which no target origin can name. Nothing secret is sent.
  target.postMessage(connect, '*', [channel.port2]);
  await ready;
  return port;
}

/**
 * The frame's policy: its one inline script by hash, `eval` for the harness's module loader, workers
 * only from the blob: URL it makes; no fetch, XHR, WebSocket, EventSource or beacon target (connect-src),
 * no other scripts, frames, images, fonts, forms or styles. Workers made from a blob: URL inherit it.
 */
export function framePolicy(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}' 'unsafe-eval' blob:`,
    'worker-src blob:',
    "connect-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

function frameDocument(script: string, scriptHash: string): string {
  const policy = framePolicy(scriptHash).replace(/"/g, '&quot;');
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><script>${script}</script>`;
}
