/**
 * Public API of the profiles module: the only file other modules may import.
 * This one is already done; use it as the model for messaging and feeds.
 */
export interface ProfileSummary {
  readonly id: string;
  readonly displayName: string;
  readonly avatarUrl: string | null;
}

export interface ProfilesApi {
  getSummaries(ids: readonly string[]): Promise<Map<string, ProfileSummary>>;
}

export { createProfilesApi } from './internal/profiles-api';
