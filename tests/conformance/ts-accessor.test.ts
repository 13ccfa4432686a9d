import { expect, test } from 'vitest';

class Counter {
  accessor count = 1;
  static accessor instances = 0;
}

test('auto-accessors store and read values', () => {
  const counter = new Counter();
  counter.count += 1;
  Counter.instances = 3;
  expect(counter.count).toBe(2);
  expect(Counter.instances).toBe(3);
  expect(Object.getOwnPropertyDescriptor(Counter.prototype, 'count')?.get).toBeTypeOf('function');
});
