import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';

const log: string[] = [];

beforeAll(() => {
  log.push('beforeAll');
  return () => log.push('beforeAll cleanup');
});
beforeEach(() => {
  log.push('beforeEach');
});
afterEach(() => {
  log.push('afterEach');
});
afterAll(() => {
  log.push('afterAll');
});

describe('inner', () => {
  beforeEach(() => {
    log.push('inner beforeEach');
  });
  test('runs outer hooks first', () => {
    expect(log).toEqual(['beforeAll', 'beforeEach', 'inner beforeEach']);
  });
});

test('after-hooks of the previous test ran', () => {
  expect(log.slice(3)).toEqual(['afterEach', 'beforeEach']);
});

describe('a failing beforeAll', () => {
  beforeAll(() => {
    throw new Error('setup failed');
  });
  test('is not run', () => {
    expect(true).toBe(true);
  });
});
