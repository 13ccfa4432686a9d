import { describe, expect, it } from 'vitest';
import { toCsvRow } from '../src/consumers/admin-export';
import { profile } from './provider-states';

describe('admin export ← profiles', () => {
  it('exports a display name as its own CSV cell, quoted when it contains a comma', async () => {
    expect(toCsvRow(await profile('u1'))).toBe('u1,ana,Ana Lima,ana@example.com');
    expect(toCsvRow(await profile('u3'))).toBe('u3,cy,"Lee, Cy",cy@example.com');
  });

  it('exports a missing display name as an empty cell', async () => {
    expect(toCsvRow(await profile('u2'))).toBe('u2,bo,,bo@example.com');
  });
});
