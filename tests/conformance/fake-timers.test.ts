import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
});

test('fake timers fake globalThis.setTimeout too', () => {
  vi.useFakeTimers();
  const callback = vi.fn();
  globalThis.setTimeout(callback, 1000);
  vi.advanceTimersByTime(999);
  expect(callback).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(callback).toHaveBeenCalledOnce();
});

test('fake Date follows setSystemTime', () => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2030-01-02T03:04:05Z'));
  expect(new Date().toISOString()).toBe('2030-01-02T03:04:05.000Z');
  expect(globalThis.Date.now()).toBe(Date.UTC(2030, 0, 2, 3, 4, 5));
});

test('intervals run once per period', () => {
  vi.useFakeTimers();
  const tick = vi.fn();
  setInterval(tick, 100);
  vi.advanceTimersByTime(350);
  expect(tick).toHaveBeenCalledTimes(3);
});
