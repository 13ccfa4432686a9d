import { expect, test } from 'vitest';

// Property matchers: the listed properties are checked against asymmetric matchers, and the snapshot
// stores the matchers in their place, so a value that changes every run can still be snapshotted.

test('a property matcher stands in for a value that changes', () => {
  expect({ id: Math.random(), name: 'kept' }).toMatchInlineSnapshot(
    { id: expect.any(Number) },
    `
    {
      "id": Any<Number>,
      "name": "kept",
    }
  `,
  );
});

test('nested property matchers merge into the nested object', () => {
  expect({ user: { createdAt: new Date(), role: 'admin' }, tags: ['a', 'b'] }).toMatchInlineSnapshot(
    { user: { createdAt: expect.any(Date) } },
    `
    {
      "tags": [
        "a",
        "b",
      ],
      "user": {
        "createdAt": Any<Date>,
        "role": "admin",
      },
    }
  `,
  );
});

test('a property that does not match its matcher fails', () => {
  expect({ id: 'not a number' }).toMatchInlineSnapshot(
    { id: expect.any(Number) },
    `
    {
      "id": Any<Number>,
    }
  `,
  );
});

test('the rest of the value must still match the snapshot', () => {
  expect({ id: 7, name: 'changed' }).toMatchInlineSnapshot(
    { id: expect.any(Number) },
    `
    {
      "id": Any<Number>,
      "name": "kept",
    }
  `,
  );
});
