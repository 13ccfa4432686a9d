import { expect, test } from 'vitest';

test('a stored snapshot that matches', () => {
  expect({ total: 3 }).toMatchSnapshot();
});

test('a stored snapshot that does not match', () => {
  expect('new text').toMatchSnapshot();
});
