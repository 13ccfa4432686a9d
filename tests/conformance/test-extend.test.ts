import { describe, expect, test } from 'vitest';

const log: string[] = [];

const withTodos = test.extend<{ todos: string[]; count: number }>({
  todos: async ({ task: _task }, use) => {
    log.push('setup todos');
    await use(['write']);
    log.push('teardown todos');
  },
  count: async ({ todos }, use) => {
    await use(todos.length);
  },
});

withTodos('a fixture is set up for the test that uses it', ({ todos }) => {
  expect(todos).toEqual(['write']);
});

withTodos('fixtures can use other fixtures', ({ count }) => {
  expect(count).toBe(1);
});

withTodos('an unused fixture is not set up', () => {
  expect(log).toEqual(['setup todos', 'teardown todos', 'setup todos', 'teardown todos']);
});

const withValue = withTodos.extend<{ greeting: string }>({ greeting: 'hi' });

describe('extended again', () => {
  withValue('plain values are fixtures too', ({ greeting, todos }) => {
    expect(`${greeting} ${todos[0]}`).toBe('hi write');
  });
});
