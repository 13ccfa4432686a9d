import { afterEach, expect, test, vi } from 'vitest';

const calculator = {
  add: (a: number, b: number) => a + b,
};

afterEach(() => {
  vi.restoreAllMocks();
});

test('vi.fn records calls and returns', () => {
  const double = vi.fn((n: number) => n * 2);
  double(2);
  expect(double).toHaveBeenCalledWith(2);
  expect(double).toHaveReturnedWith(4);
  expect(double.mock.calls).toEqual([[2]]);
});

test('spyOn replaces and restores', () => {
  const spy = vi.spyOn(calculator, 'add').mockReturnValue(10);
  expect(calculator.add(1, 1)).toBe(10);
  spy.mockRestore();
  expect(calculator.add(1, 1)).toBe(2);
});

test('mockResolvedValueOnce then the default', async () => {
  const load = vi.fn().mockResolvedValue('default').mockResolvedValueOnce('first');
  expect(await load()).toBe('first');
  expect(await load()).toBe('default');
});

test('a wrong call count fails', () => {
  const noop = vi.fn();
  noop();
  expect(noop).toHaveBeenCalledTimes(2);
});
