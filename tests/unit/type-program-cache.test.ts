import { describe, expect, it } from 'vitest';
import { loadNodeTypeKit } from '../../src/runtime/engines/node/node-type-kit.ts';
import { WorkerToolchain } from '../../src/runtime/engines/worker/worker-toolchain.ts';
import type { Files } from '../../src/runtime/checks/toolchain.ts';

/**
 * Type-aware lint and typecheck reuse parsed files and the last program between calls (program-cache.ts).
 * These edit a file the checked one imports, add and remove files, and switch compiler options between
 * calls on one toolchain: every answer must be the one the current files give, never a cached one.
 */

const toolchain = new WorkerToolchain(loadNodeTypeKit);
const signal = (): AbortSignal => AbortSignal.timeout(60_000);

const CONFIG = "export default [{ rules: { '@typescript-eslint/no-floating-promises': 'error' } }];\n";
const MAIN = "import { save } from './store.ts';\n\nexport function run(): void {\n  save();\n}\n";
const ASYNC_STORE = 'export async function save(): Promise<void> {}\n';
const SYNC_STORE = 'export function save(): void {}\n';

async function floatingPromises(store: string): Promise<number[]> {
  const files: Files = { 'eslint.config.js': CONFIG, 'src/main.ts': MAIN, 'src/store.ts': store };
  const problems = await toolchain.lint(
    files,
    { config: 'eslint.config.js', targets: ['src/main.ts'], typeAware: true },
    signal(),
  );
  return problems.map((problem) => problem.line);
}

async function typeErrors(files: Files, compilerOptions = {}): Promise<string[]> {
  const diagnostics = await toolchain.typecheck(files, { targets: ['src/main.ts'], compilerOptions }, signal());
  return diagnostics.map((d) => `${d.file}:${d.line} TS${d.code}`);
}

describe('type-aware checks after edits', () => {
  it('mark a floating promise when an imported function becomes async, and drop it when it stops being', async () => {
    expect(await floatingPromises(ASYNC_STORE)).toEqual([4]);
    expect(await floatingPromises(SYNC_STORE)).toEqual([]);
    expect(await floatingPromises(ASYNC_STORE)).toEqual([4]);
    expect(await floatingPromises(SYNC_STORE)).toEqual([]);
  });

  it('report a type error from an edited import, and forget it once fixed', async () => {
    const main = "import { price } from './price.ts';\nexport const cents: number = price;\n";
    const wrong = { 'src/main.ts': main, 'src/price.ts': "export const price = '12';\n" };
    const right = { 'src/main.ts': main, 'src/price.ts': 'export const price = 12;\n' };
    expect(await typeErrors(wrong)).toEqual(['src/main.ts:2 TS2322']);
    expect(await typeErrors(right)).toEqual([]);
    expect(await typeErrors(wrong)).toEqual(['src/main.ts:2 TS2322']);
  });

  it('resolve an import once its file is added, and fail it again once the file is gone', async () => {
    const main = { 'src/main.ts': "import { price } from './price.ts';\nexport const cents: number = price;\n" };
    const withPrice = { ...main, 'src/price.ts': 'export const price = 12;\n' };
    expect(await typeErrors(main)).toEqual(['src/main.ts:1 TS2307']);
    expect(await typeErrors(withPrice)).toEqual([]);
    expect(await typeErrors(main)).toEqual(['src/main.ts:1 TS2307']);
  });

  it('apply the compiler options of each call to the same files', async () => {
    const files = { 'src/main.ts': 'const prices: number[] = [1];\nexport const first: number = prices[0];\n' };
    expect(await typeErrors(files, { noUncheckedIndexedAccess: true })).toEqual(['src/main.ts:2 TS2322']);
    expect(await typeErrors(files)).toEqual([]);
    expect(await typeErrors(files, { noUncheckedIndexedAccess: true })).toEqual(['src/main.ts:2 TS2322']);
  });
});
