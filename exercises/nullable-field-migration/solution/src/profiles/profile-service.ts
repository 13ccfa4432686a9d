import type { Profile } from './profile';
import type { InMemoryProfileRows, ProfileRow } from './profile-rows';

export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    handle: row.handle,
    // Every reader handles null now (their contracts say so), so the provider can stop pretending.
    displayName: row.display_name,
    email: row.email,
  };
}

export class ProfileService {
  constructor(private readonly rows: InMemoryProfileRows) {}

  async get(id: string): Promise<Profile | null> {
    const row = await this.rows.findById(id);
    return row ? toProfile(row) : null;
  }
}
