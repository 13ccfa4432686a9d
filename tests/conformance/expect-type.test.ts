import { assertType, expectTypeOf, test } from 'vitest';
import { expectTypeOf as fromPackage } from 'expect-type';

const add = (a: number, b: number): number => a + b;

test('expectTypeOf is a runtime no-op', () => {
  expectTypeOf(add).toBeFunction();
  expectTypeOf(add).parameters.toEqualTypeOf<[number, number]>();
  expectTypeOf(add).returns.toEqualTypeOf<number>();
  expectTypeOf({ a: 1 }).toHaveProperty('a').toBeNumber();
  expectTypeOf<string>().not.toBeNumber();
});

test('assertType accepts any value at run time', () => {
  assertType<number>(add(1, 2));
});

test('expect-type is the same helper', () => {
  fromPackage('x').toBeString();
  fromPackage(add).toBeCallableWith(1, 2);
});
