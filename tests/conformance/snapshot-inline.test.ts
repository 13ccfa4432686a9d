import { expect, test } from 'vitest';

test('an inline snapshot that matches', () => {
  expect({ id: 1, tags: ['a'] }).toMatchInlineSnapshot(`
    {
      "id": 1,
      "tags": [
        "a",
      ],
    }
  `);
});

test('an inline snapshot that does not match', () => {
  expect('actual').toMatchInlineSnapshot(`"expected"`);
});

test('an error message inline snapshot', () => {
  expect(() => {
    throw new Error('boom');
  }).toThrowErrorMatchingInlineSnapshot(`[Error: boom]`);
});
