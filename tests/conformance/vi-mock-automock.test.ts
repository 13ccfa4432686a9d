import { expect, test, vi } from 'vitest';
import { now } from './helpers/clock.ts';

vi.mock('./helpers/clock.ts');

test('vi.mock without a factory replaces functions with spies returning undefined', () => {
  expect(now()).toBeUndefined();
  expect(vi.isMockFunction(now)).toBe(true);
});
