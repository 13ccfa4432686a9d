import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { testBundle } from '../support/test-bundle.ts';
import type { Engine } from '../../src/runtime/engines/engine.ts';
import { createWorkerEngine } from '../../src/runtime/engines/worker/worker-engine.ts';
import { linkedWorkerFactory } from '../../src/runtime/engines/worker/frame-link.ts';
import { relayPort, relayWorkers, type SpawnWorker } from '../../src/runtime/engines/worker/frame-relay.ts';
import { isFrameToPage, type FrameToPage } from '../../src/runtime/engines/worker/frame-protocol.ts';
import { MAX_TEXT_CHARS } from '../../src/runtime/report/cap-text.ts';

/**
 * The page ↔ sandbox frame ↔ worker path of src/ui/sandbox/, without the DOM: the page's link and the
 * frame's relay over a real MessageChannel, real worker threads behind the relay. What stays for the
 * browser tests (tests/e2e/sandbox.test.ts) is the frame itself: its opaque origin and its policy.
 */

const bundle = testBundle({
  slug: 'globals-demo',
  meta: {
    engine: 'worker',
    timeoutMs: 5_000,
    files: [
      { path: 'src/count.ts', role: 'editable' },
      { path: 'tests/count.test.ts', role: 'hidden' },
    ],
    checks: [{ id: 'tests', kind: 'tests', title: 'Tests', files: ['tests/count.test.ts'] }],
  },
  starter: { 'src/count.ts': 'export const loads = 0;\n' },
  hidden: {
    // Passes only the first time this realm loads it: a worker reused across runs fails the second run.
    'tests/count.test.ts': [
      "import { it, expect } from 'vitest';",
      'const state = globalThis as { loads?: number };',
      'state.loads = (state.loads ?? 0) + 1;',
      "it('runs in a fresh realm', () => { expect(state.loads).toBe(1); });",
      '',
    ].join('\n'),
  },
});

/** The frame's spawn, with Node worker threads running the same serve() as the browser worker. */
const threads: SpawnWorker = (onMessage, onError) => {
  const thread = new Worker(new URL('./support/worker-thread-entry.ts', import.meta.url));
  thread.on('message', onMessage);
  thread.on('error', (error) => onError(error.message));
  return { postMessage: (message) => thread.postMessage(message), terminate: () => void thread.terminate() };
};

function throughRelay(spawn: SpawnWorker): { factory: ReturnType<typeof linkedWorkerFactory>; close(): void } {
  const channel = new MessageChannel();
  const page = relayPort(channel.port1);
  relayWorkers(relayPort(channel.port2), spawn);
  const ready = new Promise<typeof page>((resolve) => page.listen(() => resolve(page)));
  return {
    factory: linkedWorkerFactory(() => ready),
    close: () => (channel.port1.close(), channel.port2.close()),
  };
}

describe('sandbox frame relay', { timeout: 60_000 }, () => {
  let engine: Engine | undefined;
  let close: (() => void) | undefined;
  afterEach(() => {
    engine?.dispose();
    close?.();
  });

  it('grades through the relay, each run in a fresh worker, so globals do not carry over', async () => {
    const relay = throughRelay(threads);
    close = relay.close;
    engine = createWorkerEngine(bundle, { createWorker: relay.factory });
    const first = await engine.check({ exercise: bundle.slug, files: {} });
    expect(first.verdict).toBe('pass');
    const second = await engine.check({ exercise: bundle.slug, files: {} });
    expect(second.verdict).toBe('pass');
  });

  it('passes on only well-formed worker messages, with their text capped', async () => {
    const channel = new MessageChannel();
    const received: FrameToPage[] = [];
    const page = relayPort(channel.port1);
    const done = new Promise<void>((resolve) =>
      page.listen((data) => {
        if (isFrameToPage(data)) received.push(data);
        if (received.length === 3) resolve();
      }),
    );
    relayWorkers(relayPort(channel.port2), (onMessage) => {
      queueMicrotask(() => {
        onMessage({ type: 'forged-verdict', verdict: 'pass' });
        onMessage('not even an object');
        onMessage({ type: 'failed', id: 7, message: 'x'.repeat(50 * 1024 * 1024) });
        onMessage({ type: 'stopped', reason: 'closed' });
      });
      return { postMessage: () => undefined, terminate: () => undefined };
    });
    page.postMessage({ type: 'spawn', worker: 1 });
    await done;
    channel.port1.close();
    expect(received.map((m) => m.type)).toEqual(['frame-ready', 'from-worker', 'from-worker']);
    const failed = received[1];
    if (failed?.type !== 'from-worker' || failed.message.type !== 'failed') throw new Error('expected a failure');
    expect(failed.message.message.length).toBeLessThan(MAX_TEXT_CHARS + 100);
    expect(failed.message.message).toMatch(/more characters cut\)$/);
  });

  it('replaces a worker that dies at once, without waiting for the time limit', async () => {
    let spawned = 0;
    const relay = throughRelay((onMessage, onError) => {
      spawned += 1;
      // The second worker (the first run's) dies as soon as it is asked to check; the others are real.
      if (spawned !== 2) return threads(onMessage, onError);
      return {
        postMessage: (message) => {
          if (message.type === 'init') onMessage({ type: 'ready', exercise: message.bundle.slug });
          else queueMicrotask(() => onMessage({ type: 'stopped', reason: 'The code under test closed the worker' }));
        },
        terminate: () => undefined,
      };
    });
    close = relay.close;
    engine = createWorkerEngine(bundle, { createWorker: relay.factory });
    await engine.lint?.({ exercise: bundle.slug, files: {} });
    const started = Date.now();
    await expect(engine.check({ exercise: bundle.slug, files: {} })).rejects.toThrow(/closed the worker/);
    expect(Date.now() - started).toBeLessThan(bundle.meta.timeoutMs);
    const next = await engine.check({ exercise: bundle.slug, files: {} });
    expect(next.verdict).toBe('pass');
  });
});
