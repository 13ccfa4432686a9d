import type { TestProject } from 'vitest/node';
import { findChromium } from '../support/chromium.ts';
import { startPreview } from '../support/preview-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One preview server of the production build for every browser test file; `npm test` builds first. */
export default async function setup(project: TestProject): Promise<() => void> {
  findChromium(); // fail before starting anything when there is no browser
  const server = await startPreview();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
