import { describe, expect, test } from 'vitest';

expect.extend({
  toBeEven(received: number) {
    return { pass: received % 2 === 0, message: () => `expected ${received} to be even` };
  },
});

describe('expect beyond the basics', () => {
  test('custom matchers', () => {
    (expect(4) as unknown as { toBeEven(): void }).toBeEven();
  });
  test('a failing custom matcher', () => {
    (expect(3) as unknown as { toBeEven(): void }).toBeEven();
  });
  test('asymmetric matchers', () => {
    expect({ id: 7, name: 'ada', tags: ['x'] }).toEqual({
      id: expect.any(Number),
      name: expect.stringMatching(/^a/),
      tags: expect.arrayContaining(['x']),
    });
  });
  test('expect.assertions counts', async () => {
    expect.assertions(2);
    expect(1).toBe(1);
    await expect(Promise.resolve(1)).resolves.toBe(1);
  });
  test('expect.assertions fails when short', () => {
    expect.assertions(3);
    expect(1).toBe(1);
  });
  test('expect.soft keeps going and fails', () => {
    expect.soft(1).toBe(2);
    expect(1).toBe(1);
  });
  test('toMatchObject and toHaveProperty', () => {
    expect({ a: { b: 1, c: 2 } }).toMatchObject({ a: { b: 1 } });
    expect({ a: { b: [1, 2] } }).toHaveProperty('a.b.1', 2);
  });
  test('toThrowError with a regular expression', () => {
    expect(() => {
      throw new TypeError('bad input: 3');
    }).toThrowError(/input: \d/);
  });
  test('toStrictEqual sees undefined properties', () => {
    expect({ a: 1, b: undefined }).toStrictEqual({ a: 1 });
  });
});
