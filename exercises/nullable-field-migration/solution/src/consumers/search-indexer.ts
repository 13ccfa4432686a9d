import type { Profile } from '../profiles/profile';

/**
 * The document the people-search index stores for a profile. The index's schema: `name` is optional,
 * but when present it must be a non-empty string (an empty name sorts first and matches blank queries);
 * `nameTokens` are the lower-cased words of the name, for prefix search.
 */
export interface SearchDocument {
  id: string;
  handle: string;
  name?: string;
  nameTokens: string[];
}

export function toSearchDocument(profile: Profile): SearchDocument {
  const name = profile.displayName?.trim();
  // No name means no name field at all: the index's schema has no "empty" name.
  if (!name) return { id: profile.id, handle: profile.handle, nameTokens: [] };
  return {
    id: profile.id,
    handle: profile.handle,
    name,
    nameTokens: name.toLowerCase().split(/\s+/),
  };
}
