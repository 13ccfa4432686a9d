import { FAILURE_META_KEY } from '../../parse/vitest-json.ts';

/**
 * Files the engine adds next to the learner's: they are the engine's choices (parser, reporter setup),
 * not the exercise's, so every exercise gets them the same way.
 */

/** Run-level package.json: exercise files are ES modules (an eslint.config.js with `export default`). */
export const PACKAGE_JSON = JSON.stringify({ private: true, type: 'module' });

/**
 * A neutral tsconfig so Vite's TypeScript transform does not pick up the host project's settings
 * (verbatimModuleSyntax there would keep type-only imports and break plain exercise code).
 */
export const TSCONFIG_JSON = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', strict: true },
});

export const ESLINT_WRAPPER = 'eslint.craftpath.config.mjs';

/**
 * ESLint entry config: typescript-eslint's parser for TypeScript files, then the exercise's own config
 * for the rules. The exercise config stays import-free so the worker engine can evaluate the same file.
 */
export function eslintWrapperConfig(exerciseConfig: string): string {
  return [
    "import tsParser from '@typescript-eslint/parser';",
    `import exercise from ${JSON.stringify('./' + exerciseConfig)};`,
    "const typescript = { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } };",
    'export default [typescript, ...(Array.isArray(exercise) ? exercise : [exercise])];',
    '',
  ].join('\n');
}

export const FAILURE_META_SETUP = 'failure-meta.setup.js';

/**
 * Vitest setup file: copies a failed assertion's expected/actual/diff into the test's meta, which the
 * JSON reporter keeps (it keeps only the stack of an error). parseVitestJson reads it back.
 */
export const FAILURE_META_SETUP_SOURCE = `import { beforeEach } from 'vitest';
beforeEach((context) => {
  context.onTestFailed(() => {
    const error = context.task.result?.errors?.[0];
    if (!error) return;
    context.task.meta[${JSON.stringify(FAILURE_META_KEY)}] = { expected: error.expected, actual: error.actual, diff: error.diff };
  });
});
`;

export interface VitestProject {
  name: string;
  root: string;
}

/**
 * One Vitest project per workspace copy, so one process (one start-up) runs them all. Threads without
 * per-file isolation measured about a third faster for 13 copies on two cores; copies cannot share module
 * state because each lives under its own root, so their modules have different paths.
 */
export function vitestConfig(projects: readonly VitestProject[], include: readonly string[], setupFile: string, testTimeoutMs: number): string {
  const config = {
    test: {
      watch: false,
      projects: projects.map((p) => ({
        test: { name: p.name, root: p.root, pool: 'threads', isolate: false, include, setupFiles: [setupFile], testTimeout: testTimeoutMs, hookTimeout: testTimeoutMs },
      })),
    },
  };
  return `export default ${JSON.stringify(config, null, 2)};\n`;
}
