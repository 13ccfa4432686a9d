import { expect, test } from 'vitest';
import { Geometry, Units } from './helpers/namespaces.ts';

test('functions and constants exported from a namespace', () => {
  expect(Geometry.area(2, 3)).toBe(6);
  expect(Geometry.UNIT).toBe('cm');
});

test('nested namespaces', () => {
  expect(Geometry.Circle.area(1)).toBeCloseTo(Math.PI);
});

test('a namespace merged with a function', () => {
  expect(Units(3)).toBe('3cm');
  expect(Units.suffix).toBe('cm');
});

namespace Local {
  export const value = 41;
  export function next(): number {
    return value + 1;
  }
}

test('a namespace local to the test file', () => {
  expect(Local.next()).toBe(42);
});
