import type { ProfileSummary, ProfilesApi } from '../index';
import type { ProfileStore } from './profile-store';

export function createProfilesApi(store: ProfileStore, resolveAvatar: (mediaId: string) => string): ProfilesApi {
  return {
    async getSummaries(ids) {
      const rows = await store.findByIds(ids);
      const result = new Map<string, ProfileSummary>();
      for (const row of rows) {
        result.set(row.id, {
          id: row.id,
          displayName: row.display_name,
          // Where avatars live is a profiles secret: moving them again changes only this line.
          avatarUrl: row.media_id === null ? null : resolveAvatar(row.media_id),
        });
      }
      return result;
    },
  };
}
