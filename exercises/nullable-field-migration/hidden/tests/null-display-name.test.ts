import { describe, expect, it } from 'vitest';
import { toCsvRow } from '../src/consumers/admin-export';
import { greetingLine } from '../src/consumers/email-greeting';
import { authorLabel } from '../src/consumers/feed-renderer';
import { toSearchDocument } from '../src/consumers/search-indexer';
import type { Profile } from '../src/profiles/profile';
import { InMemoryProfileRows } from '../src/profiles/profile-rows';
import { ProfileService } from '../src/profiles/profile-service';

// Exactly what the provider sends once the migration is done: null, not '' and not a placeholder.
const unnamed = { id: 'u9', handle: 'dee', displayName: null, email: 'dee@example.com' } as unknown as Profile;

describe('the profile service (provider)', () => {
  it('returns null for a user who never set a display name, instead of hiding it behind a placeholder', async () => {
    const rows = new InMemoryProfileRows().insert({ id: 'u9', handle: 'dee', display_name: null, email: 'dee@example.com' });

    expect((await new ProfileService(rows).get('u9'))?.displayName).toBeNull();
  });

  it('returns a display name that is set unchanged', async () => {
    const rows = new InMemoryProfileRows().insert({ id: 'u1', handle: 'ana', display_name: 'Ana Lima', email: 'a@example.com' });

    expect((await new ProfileService(rows).get('u1'))?.displayName).toBe('Ana Lima');
  });
});

describe('every consumer, given a profile whose displayName is null', () => {
  it('feed renderer shows the @handle', () => {
    expect(authorLabel(unnamed)).toBe('@dee');
  });

  it('email greeting says "Hi there,"', () => {
    expect(greetingLine(unnamed)).toBe('Hi there,');
  });

  it('search indexer leaves out the name field and indexes no name tokens', () => {
    const doc = toSearchDocument(unnamed);
    expect(doc, 'the search schema has no empty name: leave the field out').not.toHaveProperty('name');
    expect(doc.nameTokens).toEqual([]);
  });

  it('admin export writes an empty cell, not "null"', () => {
    expect(toCsvRow(unnamed)).toBe('u9,dee,,dee@example.com');
  });
});

describe('every consumer, given a display name of only spaces (old sign-up forms let it through)', () => {
  const blank = { id: 'u8', handle: 'eve', displayName: '   ', email: 'eve@example.com' } as Profile;

  it('feed renderer shows the @handle, never a blank label', () => {
    expect(authorLabel(blank)).toBe('@eve');
  });

  it('email greeting says "Hi there,"', () => {
    expect(greetingLine(blank)).toBe('Hi there,');
  });

  it('search indexer leaves out the name field', () => {
    expect(toSearchDocument(blank)).not.toHaveProperty('name');
  });
});
