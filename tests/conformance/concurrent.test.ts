import { describe, expect, test } from 'vitest';

const started: string[] = [];
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.concurrent('concurrent suite', () => {
  test('first', async ({ expect }) => {
    started.push('first');
    await wait(30);
    expect(started).toContain('second');
  });
  test('second', async ({ expect }) => {
    started.push('second');
    await wait(5);
    expect(started).toContain('first');
  });
});

test.concurrent('a concurrent test with the context expect', async ({ expect }) => {
  expect(1).toBe(1);
});

test.concurrent('a failing concurrent test fails', async ({ expect }) => {
  expect(1).toBe(2);
});

test('sequential after concurrent', () => {
  expect(started).toEqual(['first', 'second']);
});
