import { expect, test, vi } from 'vitest';
import { stamp } from './helpers/uses-clock.ts';
import { label, now } from './helpers/clock.ts';

// Hoisted above the imports, as Vitest does: the modules above already see the mock.
vi.mock('./helpers/clock.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./helpers/clock.ts')>();
  return { ...actual, now: vi.fn(() => 42) };
});

test('a module imported by another module gets the mock', () => {
  expect(stamp('x')).toBe('x@42');
});

test('the mock is a spy', () => {
  now();
  expect(vi.mocked(now)).toHaveBeenCalled();
});

test('importOriginal kept the real export', () => {
  expect(label()).toMatch(/^at \d+$/);
});

test('vi.importActual gives the real module', async () => {
  const actual = await vi.importActual<typeof import('./helpers/clock.ts')>('./helpers/clock.ts');
  expect(actual.now()).toBeGreaterThan(1_000_000);
});
