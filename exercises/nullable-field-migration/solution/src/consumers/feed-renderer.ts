import type { Profile } from '../profiles/profile';

/** The name shown above a post in the feed: the display name, or the @handle when there is none. */
export function authorLabel(author: Profile): string {
  return author.displayName?.trim() || `@${author.handle}`;
}
