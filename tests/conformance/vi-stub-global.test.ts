import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('vi.stubGlobal defines a global', () => {
  vi.stubGlobal('conformanceValue', 7);
  expect((globalThis as Record<string, unknown>)['conformanceValue']).toBe(7);
});

test('vi.unstubAllGlobals removed it', () => {
  expect('conformanceValue' in globalThis).toBe(false);
});
