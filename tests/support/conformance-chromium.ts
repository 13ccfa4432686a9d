import type { Files } from '../../src/runtime/checks/toolchain.ts';
import type { CheckReport, TestResult } from '../../src/runtime/report/check-report.ts';
import { buildEngineSources } from '../../src/deploy/engine-sources.ts';
import { launchChromium } from './chromium.ts';
import { testBundle } from './test-bundle.ts';

/**
 * The worker engine as browsers run it (the bundle src/deploy/engine-sources.ts builds for the site, a
 * classic worker from a blob: URL, no Node anywhere) over the conformance suite, in real Chromium. The
 * suite is graded as one exercise whose only check runs every conformance test file.
 */
export async function runInChromium(files: Files, targets: readonly string[], root: string): Promise<TestResult[]> {
  const { workerSource } = await buildEngineSources(root);
  const bundle = testBundle({
    slug: 'conformance',
    meta: {
      engine: 'worker',
      timeoutMs: 120_000,
      starterFails: false,
      // Editable, and no learner files sent: the starter, the suite itself, is what runs.
      files: Object.keys(files).map((path) => ({ path, role: 'editable' })),
      checks: [{ id: 'tests', kind: 'tests', title: 'Conformance', files: [...targets] }],
    },
    starter: files,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const report = await page.evaluate(
      ({ source, bundle }) =>
        new Promise<unknown>((resolve, reject) => {
          const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
          const worker = new Worker(url);
          worker.onerror = (event) => reject(new Error(`The worker failed: ${event.message}`));
          worker.onmessage = (event: MessageEvent<{ type: string; report?: unknown; message?: string }>) => {
            const message = event.data;
            if (message.type === 'ready') worker.postMessage({ type: 'check', id: 1, files: {}, timeoutMs: 120_000 });
            else if (message.type === 'report') resolve(message.report);
            else if (message.type === 'failed') reject(new Error(message.message));
          };
          worker.postMessage({ type: 'init', bundle });
        }),
      { source: workerSource, bundle },
    );
    const check = (report as CheckReport).checks[0];
    if (!check?.tests) throw new Error(`The Chromium run reported no tests: ${JSON.stringify(check)}`);
    return check.tests;
  } finally {
    await browser.close();
  }
}
