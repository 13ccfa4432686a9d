import { expect, test } from 'vitest';

enum Direction {
  Up,
  Down = 5,
  Left,
}
enum Color {
  Red = 'red',
  Green = 'green',
}
const enum Flag {
  None = 0,
  Bold = 1 << 0,
  Italic = 1 << 1,
}

test('numeric enums count on and map back', () => {
  expect(Direction.Up).toBe(0);
  expect(Direction.Left).toBe(6);
  expect(Direction[5]).toBe('Down');
});

test('string enums have no reverse mapping', () => {
  expect(Color.Green).toBe('green');
  expect(Object.keys(Color)).toEqual(['Red', 'Green']);
});

test('const enums inline their values', () => {
  expect(Flag.Bold | Flag.Italic).toBe(3);
  expect(Flag.None).toBe(0);
});
