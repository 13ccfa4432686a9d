import type { Profile } from './profile';
import type { InMemoryProfileRows, ProfileRow } from './profile-rows';

export function toProfile(row: ProfileRow): Profile {
  return {
    id: row.id,
    handle: row.handle,
    // Stop-gap from when sign-up stopped asking for a name: readers assume a string, so give them one.
    displayName: row.display_name ?? '',
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
