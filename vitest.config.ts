import { defineConfig } from 'vitest/config';

// Two projects with different costs: unit tests run the UI-free runtime under Node in seconds; browser
// tests drive Debian's Chromium against the production build served by `astro preview` (tests/e2e/setup.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser and one server for the whole run; files share them, so run them one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
