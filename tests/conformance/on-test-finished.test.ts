import { expect, onTestFailed, onTestFinished, test } from 'vitest';

const log: string[] = [];

test('onTestFinished runs after the test', () => {
  onTestFinished(() => {
    log.push('finished');
  });
  log.push('body');
});

test('it ran', () => {
  expect(log).toEqual(['body', 'finished']);
});

test('onTestFailed runs only for a failure', () => {
  onTestFailed(() => {
    log.push('failed');
  });
  expect(1).toBe(2);
});

test('after the failure', () => {
  expect(log).toEqual(['body', 'finished', 'failed']);
});
