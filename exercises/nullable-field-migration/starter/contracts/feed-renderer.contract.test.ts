import { describe, expect, it } from 'vitest';
import { authorLabel } from '../src/consumers/feed-renderer';
import { profile } from './provider-states';

describe('feed renderer ← profiles', () => {
  it("labels a post with its author's display name", async () => {
    expect(authorLabel(await profile('u1'))).toBe('Ana Lima');
  });

  it("labels a post by an author without a display name with their @handle, never a blank", async () => {
    expect(authorLabel(await profile('u2'))).toBe('@bo');
  });
});
