import { expect, test, vi } from 'vitest';
import { tag } from './helpers/uses-ids.ts';

// Its own helper module: the Node engine runs files without isolation, so two files mocking one module
// would see each other's mocks there (not in default Vitest, nor in the worker engine).
const mocks = vi.hoisted(() => ({ nextId: vi.fn(() => 7) }));

vi.mock('./helpers/ids.ts', () => ({ nextId: mocks.nextId }));

test('a mock factory uses a vi.hoisted value', () => {
  expect(tag('t')).toBe('t#7');
  expect(mocks.nextId).toHaveBeenCalledOnce();
});
