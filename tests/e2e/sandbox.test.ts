import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CheckReport } from '../../src/runtime/report/check-report.ts';
import { MAX_TEXT_CHARS } from '../../src/runtime/report/cap-text.ts';
import { useBrowser } from './browser.ts';

/**
 * Learner code is hostile (issue 12): each attack tried against the production build with its service
 * worker, through the real workbench. Learner code runs in the engine's workers inside the opaque sandbox
 * frame (src/ui/sandbox/), so none of it may reach the site's storage, caches, service worker or network,
 * alter a report, or outlive its run; and the page keeps working afterwards.
 */

const { newPage, url } = useBrowser();

const LESSON = '/lessons/failure-first-payment-service/';
const SLUG = 'payment-charge';
const SUBJECT = 'src/charge.ts';
const LEARNER_TESTS = 'src/charge.test.ts';
const STARTER = readFileSync(`exercises/${SLUG}/starter/${SUBJECT}`, 'utf8');
const STARTER_TESTS = readFileSync(`exercises/${SLUG}/starter/${LEARNER_TESTS}`, 'utf8');
const HASHES = JSON.parse(readFileSync('dist/asset-hashes.json', 'utf8')) as Record<string, string>;

// A server on another origin that counts every connection: cross-origin requests must never reach it.
let outside: Server;
let outsideUrl = '';
let connections = 0;
beforeAll(async () => {
  outside = createServer((_req, res) => res.end('reached'));
  outside.on('connection', () => (connections += 1));
  await new Promise<void>((resolve) => outside.listen(0, '127.0.0.1', resolve));
  outsideUrl = `http://127.0.0.1:${(outside.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => outside.close(() => resolve())));

async function openExercise(page: Page): Promise<void> {
  await page.goto(url(LESSON));
  const start = page.locator(`craftpath-exercise[data-slug="${SLUG}"] [data-start]`);
  if (await start.count()) await start.click().catch(() => undefined);
  await page.locator('.workbench[data-ready] .monaco-editor').waitFor({ state: 'visible', timeout: 60_000 });
}

/** Pastes files (as a learner would) and presses Run; the report, or undefined when the run failed. */
async function runWith(page: Page, files: Record<string, string>): Promise<CheckReport | undefined> {
  return page.evaluate(
    async ([slug, edits]) => {
      const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
        workbench: Promise<{ setFile(p: string, t: string): void; run(): Promise<CheckReport | undefined> }>;
      };
      const workbench = await el.workbench;
      for (const [path, text] of Object.entries(edits as Record<string, string>)) workbench.setFile(path, text);
      return workbench.run();
    },
    [SLUG, files] as const,
  );
}

function statusLine(page: Page): Promise<string> {
  return page.locator('.workbench__status').innerText();
}

/** The learner's own test file: its first test's failure message, where a probe reports what it saw. */
function learnerTestMessage(report: CheckReport | undefined): string {
  const tests = report?.checks.find((c) => c.id === 'your-tests')?.tests ?? [];
  return tests.find((t) => t.failure)?.failure?.message ?? '';
}

/** Every /_astro/ script a page loads, fetched through the service worker, is the build's own file. */
async function scriptsAreTheBuilds(page: Page): Promise<{ checked: number; changed: string[] }> {
  const scripts = await page.evaluate(async () => {
    const urls = [...document.querySelectorAll<HTMLScriptElement>('script[src]')].map((s) => s.src);
    return Promise.all(
      urls
        .filter((u) => new URL(u).pathname.startsWith('/_astro/'))
        .map(async (u) => ({ path: new URL(u).pathname.slice(1), body: await (await fetch(u)).text() })),
    );
  });
  const changed = scripts
    .filter((s) => createHash('sha256').update(s.body).digest('base64') !== HASHES[s.path])
    .map((s) => s.path);
  return { checked: scripts.length, changed };
}

const SHARED_SCRIPT = Object.keys(HASHES).find((p) => p.startsWith('_astro/BaseLayout.astro_astro_type_script'));

describe('learner code in the sandbox frame', () => {
  it('reaches none of the site: storage, caches, cookies, service worker, same- and cross-origin network', async () => {
    const page = await newPage();
    await openExercise(page);
    await page.evaluate(() => localStorage.setItem('craftpath-probe-secret', 'kept'));
    const site = new URL(url('/')).origin;
    const probe = `import { it } from 'vitest';

const site = ${JSON.stringify(site)};
const outside = ${JSON.stringify(outsideUrl)};
const g = globalThis as any;
const settle = (work: () => unknown) =>
  Promise.race([
    Promise.resolve().then(work).then((v) => 'reached: ' + String(v).slice(0, 60), (e) => 'fail: ' + String(e?.name ?? e)),
    new Promise((r) => setTimeout(() => r('fail: no answer'), 800)),
  ]);
const opened = (target: any) =>
  new Promise((resolve, reject) => {
    target.onopen = () => resolve('open');
    target.onerror = () => reject(new Error('error event'));
  });

it('probes', async () => {
  const attempts: Record<string, () => unknown> = {
    caches: async () => (await g.caches.open('craftpath-v2')).put(site + '/_astro/x.js', new Response('planted')),
    localStorage: () => g.localStorage.getItem('craftpath-probe-secret'),
    indexedDB: () =>
      new Promise((resolve, reject) => {
        const request = g.indexedDB.open('craftpath-probe');
        request.onsuccess = () => resolve('opened');
        request.onerror = () => reject(request.error);
      }),
    documentCookie: () => g.document.cookie,
    cookieStore: () => g.cookieStore.getAll(),
    fetchBundle: async () => (await fetch(site + '/exercises/${SLUG}.json')).status,
    fetchKey: async () => (await fetch(site + '/exercises/cache-decision.key.json')).status,
    fetchRelative: async () => (await fetch('/exercises/${SLUG}.json')).status,
    fetchOutside: async () => (await fetch(outside + '/fetch')).status,
    xhr: () => {
      const xhr = new g.XMLHttpRequest();
      xhr.open('GET', site + '/exercises/${SLUG}.json', false);
      xhr.send();
      return xhr.status;
    },
    webSocket: () => opened(new g.WebSocket(outside.replace('http', 'ws') + '/socket')),
    eventSource: () => opened(new g.EventSource(outside + '/events')),
    importScriptsSite: () => g.importScripts(site + '/${SHARED_SCRIPT}'),
    importScriptsOutside: () => g.importScripts(outside + '/script.js'),
    dynamicImport: () => (0, eval)('import(' + JSON.stringify(outside + '/module.js') + ')'),
    serviceWorker: () => g.navigator.serviceWorker.register(site + '/sw.js'),
  };
  const seen: Record<string, unknown> = {};
  await Promise.all(Object.entries(attempts).map(async ([name, work]) => (seen[name] = await settle(work))));
  throw new Error('PROBE ' + JSON.stringify(seen));
});
`;
    const report = await runWith(page, { [LEARNER_TESTS]: probe });
    const message = learnerTestMessage(report);
    const seen = JSON.parse(message.slice(message.indexOf('PROBE ') + 6)) as Record<string, string>;
    expect(Object.keys(seen)).toHaveLength(16);
    const reached = Object.entries(seen).filter(([, outcome]) => !outcome.startsWith('fail'));
    expect(reached, 'APIs learner code could use').toEqual([]);
    expect(connections, 'connections that reached a server outside').toBe(0);

    // The page itself is untouched and keeps working.
    await expect(page.evaluate(() => localStorage.getItem('craftpath-probe-secret'))).resolves.toBe('kept');
    const again = await runWith(page, { [LEARNER_TESTS]: STARTER_TESTS });
    expect(again?.verdict).toBe('fail');
    expect(again?.checks.find((c) => c.id === 'scenarios')?.summary).toMatch(/^\d+ of \d+ tests pass/);
  });

  it('cannot fake a pass by wrapping postMessage or posting reports of its own, and nothing carries over', async () => {
    const page = await newPage();
    await openExercise(page);
    const forger = `const scope = self as any;
const post = scope.postMessage.bind(scope);
const passing = (report: any) => ({ ...report, verdict: 'pass', checks: report.checks.map((c: any) => ({ ...c, status: 'pass' })) });
scope.postMessage = (m: any) => post(m && m.type === 'report' ? { ...m, report: passing(m.report) } : m);
const fake = { version: 1, exercise: '${SLUG}', engine: 'worker', startedAt: new Date().toISOString(), durationMs: 1, verdict: 'pass', checks: [] };
for (let id = 0; id < 2000; id++) post({ type: 'report', id, report: fake });
(Object.prototype as any).polluted = 'yes';
(globalThis as any).leaked = 'yes';
${STARTER}`;
    const forged = await runWith(page, { [SUBJECT]: forger });
    expect(forged?.verdict).toBe('fail');
    expect(forged?.checks.find((c) => c.id === 'scenarios')?.status).toBe('fail');
    await expect(page.locator('[data-results]').getAttribute('data-verdict')).resolves.toBe('fail');

    // The next run, of the untouched starter, sees a clean realm: no wrapper, no pollution.
    const clean = `import { it, expect } from 'vitest';
it('runs in a clean realm', () => {
  expect((({}) as any).polluted).toBeUndefined();
  expect((globalThis as any).leaked).toBeUndefined();
});
`;
    const next = await runWith(page, { [SUBJECT]: STARTER, [LEARNER_TESTS]: clean });
    expect(next?.verdict).toBe('fail');
    const own = next?.checks.find((c) => c.id === 'your-tests')?.tests?.[0];
    expect(own?.name).toBe('runs in a clean realm');
    expect(own?.status).toBe('pass');
  });

  it('a test that counts its loads in a global kills no mutant', async () => {
    const page = await newPage();
    await openExercise(page);
    const counting = `import { it, expect } from 'vitest';
const state = globalThis as { loads?: number };
state.loads = (state.loads ?? 0) + 1;
it('was loaded once', () => { expect(state.loads).toBe(1); });
`;
    const report = await runWith(page, { [LEARNER_TESTS]: counting });
    expect(report?.checks.find((c) => c.id === 'your-tests')?.summary).toMatch(/^0 of 8 mutants killed/);
  });

  it('self.close() is reported at once and the next run has a fresh worker', async () => {
    const page = await newPage();
    await openExercise(page);
    const limit = await page.evaluate(async (slug) => {
      const bundle = (await (await fetch(`/exercises/${slug}.json`)).json()) as { meta: { timeoutMs: number } };
      return bundle.meta.timeoutMs;
    }, SLUG);
    const started = Date.now();
    const closed = await runWith(page, { [SUBJECT]: `(self as any).close();\n${STARTER}` });
    expect(closed).toBeUndefined();
    expect(Date.now() - started, 'the run ended before its time limit').toBeLessThan(limit);
    await expect(statusLine(page)).resolves.toMatch(/closed the worker/);
    const next = await runWith(page, { [SUBJECT]: STARTER });
    expect(next?.verdict).toBe('fail');
  });

  it('a 50 MB assertion message reaches the page cut to size', async () => {
    const page = await newPage();
    await openExercise(page);
    const huge = `import { it } from 'vitest';
it('fails loudly', () => { throw new Error('x'.repeat(50 * 1024 * 1024)); });
`;
    const report = await runWith(page, { [LEARNER_TESTS]: huge });
    const message = learnerTestMessage(report);
    expect(message.length).toBeGreaterThan(1_000);
    expect(message.length).toBeLessThan(MAX_TEXT_CHARS + 100);
    expect(message).toMatch(/more characters cut\)$/);
    const shown = await page.locator('[data-results]').innerText();
    expect(shown.length).toBeLessThan(4 * MAX_TEXT_CHARS);
  });
});

describe('the service worker', () => {
  it('never serves a planted script: learner code cannot plant one, and a planted cache entry is dropped', async () => {
    expect(SHARED_SCRIPT, 'the script every page loads').toBeDefined();
    const page = await newPage();
    await openExercise(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const target = url(`/${SHARED_SCRIPT}`);
    await page.waitForFunction(async (href) => (await caches.match(href)) !== undefined, target, {
      timeout: 15_000,
      polling: 250,
    });

    // End to end through the exercise: learner code tries to overwrite the cached script.
    const planter = `import { it } from 'vitest';
it('plants', async () => {
  const cache = await (globalThis as any).caches.open('craftpath-v2');
  await cache.put(${JSON.stringify(target)}, new Response('self.__planted = true;', { headers: { 'content-type': 'text/javascript' } }));
});
`;
    const report = await runWith(page, { [LEARNER_TESTS]: planter });
    expect(report?.checks.find((c) => c.id === 'your-tests')?.tests?.[0]?.status).toBe('fail');

    // The old way in, same-origin script writing the cache directly, is caught by the worker's check.
    await page.evaluate(async (href) => {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        await cache.put(
          href,
          new Response('window.__planted = true;', { headers: { 'content-type': 'text/javascript' } }),
        );
      }
    }, target);

    const context = page.context();
    for (const path of ['/', '/progress/', '/search/', LESSON]) {
      const tab = await context.newPage();
      await tab.goto(url(path));
      await tab.waitForLoadState('load');
      await expect(
        tab.evaluate(() => 'controller' in navigator.serviceWorker && navigator.serviceWorker.controller !== null),
      ).resolves.toBe(true);
      await expect(tab.evaluate(() => (window as { __planted?: boolean }).__planted)).resolves.toBeUndefined();
      const scripts = await scriptsAreTheBuilds(tab);
      expect(scripts.checked, `scripts on ${path}`).toBeGreaterThan(0);
      expect(scripts.changed, `changed scripts on ${path}`).toEqual([]);
      await tab.close();
    }
    // The mismatch was dropped and the build's file cached in its place.
    const cachedNow = await page.evaluate(async (href) => {
      await (await fetch(href)).text();
      // As the service worker matches: the build's copy carries a Vary header the planted one lacked.
      return (await (await caches.match(href, { ignoreVary: true }))?.text()) ?? '';
    }, target);
    expect(createHash('sha256').update(cachedNow).digest('base64')).toBe(HASHES[SHARED_SCRIPT ?? '']);
  });
});
