import { InMemoryProfileRows } from '../src/profiles/profile-rows';
import { ProfileService } from '../src/profiles/profile-service';

/**
 * The provider states every consumer contract runs against: the real ProfileService over these rows.
 * `bo` signed up after sign-up stopped asking for a name, so their display_name is NULL.
 */
export function profileService(): ProfileService {
  const rows = new InMemoryProfileRows()
    .insert({ id: 'u1', handle: 'ana', display_name: 'Ana Lima', email: 'ana@example.com' })
    .insert({ id: 'u2', handle: 'bo', display_name: null, email: 'bo@example.com' })
    .insert({ id: 'u3', handle: 'cy', display_name: 'Lee, Cy', email: 'cy@example.com' });
  return new ProfileService(rows);
}

export async function profile(id: string) {
  const found = await profileService().get(id);
  if (!found) throw new Error(`provider state has no profile ${id}`);
  return found;
}
