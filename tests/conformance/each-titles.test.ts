import { expect, it, test } from 'vitest';

it.each([
  [1, 1, 2],
  [2, 3, 5],
])('add(%i, %i) = %i', (a, b, sum) => {
  expect(a + b).toBe(sum);
});

it.each([{ name: 'short' }, { name: 'a name long enough to be cut somewhere in the middle of it' }])(
  'object title $name',
  ({ name }) => {
    expect(name.length).toBeGreaterThan(0);
  },
);

test.each([{ deep: { list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], text: 'long enough to pass the threshold' } }])(
  'printed with %o',
  (value) => {
    expect(value.deep.list).toHaveLength(12);
  },
);

test.each([['x'.repeat(60)], [{ a: 'y'.repeat(60) }]])('string and object %s', (value) => {
  expect(value).toBeTruthy();
});

test.each(['a', 'b'])('index %# of %s', (letter) => {
  expect(letter).toMatch(/[ab]/);
});
