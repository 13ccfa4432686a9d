import { expect, test } from 'vitest';

type Shape = { kind: 'square'; size: number } | { kind: 'circle'; radius: number };

function area(shape: Shape): number {
  switch (shape.kind) {
    case 'square':
      return shape.size ** 2;
    case 'circle':
      return Math.round(Math.PI * shape.radius ** 2);
  }
}

class Box<T> {
  static #count = 0;
  #value: T;
  constructor(value: T) {
    this.#value = value;
    Box.#count++;
  }
  get value(): T {
    return this.#value;
  }
  static get count(): number {
    return Box.#count;
  }
}

const generic = <T>(value: T): T[] => [value];
function assertIsString(value: unknown): asserts value is string {
  if (typeof value !== 'string') throw new TypeError('not a string');
}

test('unions, generics, private fields and assertion functions', () => {
  expect(area({ kind: 'square', size: 3 })).toBe(9);
  expect(new Box(5).value).toBe(5);
  expect(Box.count).toBe(1);
  expect(generic<number>(1)).toEqual([1]);
  const input: unknown = 'x';
  assertIsString(input);
  expect(input.toUpperCase()).toBe('X');
  expect(() => assertIsString(1)).toThrow('not a string');
});

test('optional chaining, nullish coalescing and logical assignment', () => {
  const config: { retries?: number; name?: string | null } = { name: null };
  config.retries ??= 3;
  expect(config.retries).toBe(3);
  expect(config.name ?? 'anonymous').toBe('anonymous');
  expect((config as { deep?: { value: number } }).deep?.value).toBeUndefined();
});
