import { expect, test } from 'vitest';

test.for([
  [1, 2],
  [3, 4],
])('pair %i, %i is not spread', ([a, b], { expect }) => {
  expect(b - a).toBe(1);
});

test.for(['x', 'y'])('single %s', (letter) => {
  expect(typeof letter).toBe('string');
});

test.for([{ n: 1 }, { n: 2 }])('object $n', ({ n }, context) => {
  context.expect(n).toBeGreaterThan(0);
});
