import { describe, expect, it } from 'vitest';
import { toSearchDocument } from '../src/consumers/search-indexer';
import { profile } from './provider-states';

describe('search indexer ← profiles', () => {
  it('indexes a display name and its lower-cased words', async () => {
    expect(toSearchDocument(await profile('u1'))).toEqual({
      id: 'u1',
      handle: 'ana',
      name: 'Ana Lima',
      nameTokens: ['ana', 'lima'],
    });
  });

  it('indexes a profile without a display name with no name field and no name tokens', async () => {
    expect(toSearchDocument(await profile('u2'))).toEqual({ id: 'u2', handle: 'bo', nameTokens: [] });
  });
});
