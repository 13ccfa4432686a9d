import { describe, expect, it, test } from 'vitest';

describe('expect', () => {
  it('compares deeply', () => {
    expect({ a: [1, 2] }).toEqual({ a: [1, 2] });
    expect([1, 2, 3]).toContain(2);
  });
  it('fails on a wrong value', () => {
    expect(1 + 1).toBe(3);
  });
  it('checks throws', () => {
    expect(() => JSON.parse('{')).toThrow(SyntaxError);
  });
  it('awaits resolves and rejects', async () => {
    await expect(Promise.resolve(2)).resolves.toBe(2);
    await expect(Promise.reject(new Error('no'))).rejects.toThrow('no');
  });
  test.fails('a failing body passes under test.fails', () => {
    expect(true).toBe(false);
  });
});
