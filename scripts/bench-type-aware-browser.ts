/**
 * lint-gate (the type-aware exercise) in Chromium, through the built site (`nice npm run build` first):
 *   node scripts/bench-type-aware-browser.ts [keystrokes] [runs]
 * Prints the type-aware lint's engine time and keystroke-to-markers while src/checkout.ts is edited,
 * and Run to results with the time spent waiting for a worker (a Run whose pre-spawned worker has not
 * evaluated the type kit yet waits for it). The same lint by the real tool in Node is in
 * scripts/bench-type-aware.ts, which runs without a browser.
 */
import { launchChromium } from '../tests/support/chromium.ts';
import { startPreview } from '../tests/support/preview-server.ts';

const KEYSTROKES = Number(process.argv[2] ?? 20);
const RUNS = Number(process.argv[3] ?? 10);
const LESSON = 'lint-for-bugs';
const SLUG = 'lint-gate';
const TARGET = 'src/checkout.ts';
/** As a learner pauses between keystrokes and reads results between runs (the next worker warms meanwhile). */
const KEY_PAUSE_MS = 400;
const RUN_PAUSE_MS = 1_500;

const server = await startPreview();
const browser = await launchChromium();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/lessons/${LESSON}/`);
  const samples = await page.evaluate(
    async ({ slug, target, keystrokes, runs, keyPause, runPause }) => {
      type Handle = {
        setFile(path: string, text: string): void;
        lintNow(): Promise<unknown>;
        run?: () => Promise<{ durationMs: number } | undefined>;
        timings(): { lint?: { engineMs: number }; run?: { engineMs: number; waitedForWorkerMs: number } };
      };
      const el = document.querySelector(`craftpath-exercise[data-slug="${slug}"]`) as HTMLElement & {
        start(): Promise<unknown>;
        workbench: Promise<Handle>;
      };
      await el.start();
      const wb = await el.workbench;
      const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
      const t0 = performance.now();
      await wb.lintNow();
      const firstLint = performance.now() - t0;
      const bundle = (await (await fetch(el.dataset['src'] ?? '')).json()) as { starter: Record<string, string> };
      const text = bundle.starter[target] ?? '';
      const editor = document.querySelector('.workbench__editor') as HTMLElement;
      const engine: number[] = [];
      const keystroke: number[] = [];
      for (let i = 0; i < keystrokes; i++) {
        await sleep(keyPause);
        const marked = new Promise<number>((resolve) => {
          const observer = new MutationObserver(() => {
            observer.disconnect();
            resolve(performance.now());
          });
          observer.observe(editor, { attributes: true, attributeFilter: ['data-linted-at'] });
        });
        const start = performance.now();
        wb.setFile(target, `${text}// keystroke ${i}\n`);
        keystroke.push((await marked) - start);
        engine.push(wb.timings().lint?.engineMs ?? NaN);
      }
      const run: { total: number; waited: number; engine: number }[] = [];
      for (let i = 0; i < runs && wb.run; i++) {
        await sleep(runPause);
        const start = performance.now();
        const report = await wb.run();
        const timing = wb.timings().run;
        run.push({
          total: performance.now() - start,
          waited: timing?.waitedForWorkerMs ?? NaN,
          engine: report?.durationMs ?? NaN,
        });
      }
      return { firstLint, engine, keystroke, run };
    },
    {
      slug: SLUG,
      target: TARGET,
      keystrokes: KEYSTROKES,
      runs: RUNS,
      keyPause: KEY_PAUSE_MS,
      runPause: RUN_PAUSE_MS,
    },
  );
  const p50 = (values: number[]): string => {
    const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
    return `${(sorted[Math.floor(sorted.length / 2)] ?? NaN).toFixed(1).padStart(7)} ms`;
  };
  const [firstRun, ...laterRuns] = samples.run;
  const line = (label: string, value: string): void => console.log(`${label.padEnd(52)} ${value}`);
  console.log(`${SLUG} in Chromium: ${KEYSTROKES} keystrokes in ${TARGET}, ${RUNS} runs`);
  line('first lint after Start (lintNow)', `${samples.firstLint.toFixed(1).padStart(7)} ms`);
  line('type-aware lint, engine time p50', p50(samples.engine));
  line('keystroke to markers, incl. debounce, p50', p50(samples.keystroke));
  if (firstRun) {
    const first = `${firstRun.total.toFixed(1).padStart(7)} ms (waited for a worker ${firstRun.waited.toFixed(1)} ms)`;
    line('first Run to results', first);
  }
  line('later Runs to results p50', p50(laterRuns.map((r) => r.total)));
  line('later Runs: waited for a worker p50', p50(laterRuns.map((r) => r.waited)));
  line('later Runs: engine (runChecks in the worker) p50', p50(laterRuns.map((r) => r.engine)));
} finally {
  await browser.close();
  server.stop();
}
