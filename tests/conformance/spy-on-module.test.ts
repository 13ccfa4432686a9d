import { expect, test, vi } from 'vitest';
import * as ids from './helpers/ids.ts';

test('spying on an export of a module namespace', () => {
  vi.spyOn(ids, 'nextId').mockReturnValue(1);
  expect(ids.nextId()).toBe(1);
});

test('assigning to an export of a module namespace', () => {
  expect(() => {
    (ids as { nextId: unknown }).nextId = () => 2;
  }).toThrow();
});
