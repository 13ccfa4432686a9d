import type { Toolchain } from './toolchain.ts';

/**
 * The toolchain for a run of pure checks only (review, decision, impact, document): the page grades them
 * itself once the key is fetched, with the same runChecks every engine calls, and needs no worker for it.
 * Reported as the worker engine because that is the in-browser grader a learner knows.
 */
export const noToolchain: Toolchain = {
  engine: 'worker',
  lint: () => Promise.reject(new Error('this check needs ESLint; run it with an engine')),
  typecheck: () => Promise.reject(new Error('this check needs TypeScript; run it with an engine')),
  test: () => Promise.reject(new Error('this check needs Vitest; run it with an engine')),
};
