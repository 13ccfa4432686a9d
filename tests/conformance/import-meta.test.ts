import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
});

test('import.meta.env describes a test run', () => {
  expect(import.meta.env.MODE).toBe('test');
  expect(import.meta.env.DEV).toBe(true);
  expect(import.meta.env.PROD).toBe(false);
});

test('vi.stubEnv sets import.meta.env and process.env', () => {
  vi.stubEnv('CONFORMANCE_FLAG', 'on');
  expect(import.meta.env['CONFORMANCE_FLAG']).toBe('on');
  expect(process.env['CONFORMANCE_FLAG']).toBe('on');
});

test('vi.unstubAllEnvs restored it', () => {
  expect(process.env['CONFORMANCE_FLAG']).toBeUndefined();
});

test('import.meta.url names the file', () => {
  expect(import.meta.url).toMatch(/import-meta\.test\.ts$/);
});
