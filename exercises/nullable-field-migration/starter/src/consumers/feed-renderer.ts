import type { Profile } from '../profiles/profile';

/** The name shown above a post in the feed. */
export function authorLabel(author: Profile): string {
  return author.displayName.trim();
}
