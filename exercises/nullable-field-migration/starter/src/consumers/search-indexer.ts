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
  return {
    id: profile.id,
    handle: profile.handle,
    name: profile.displayName,
    nameTokens: profile.displayName.toLowerCase().split(/\s+/),
  };
}
