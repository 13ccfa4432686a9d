export interface Profile {
  id: string;
  name: string;
}

/** The profiles table. An indexed lookup takes a few milliseconds; a thousand at once do not. */
export interface ProfileDb {
  getProfile(id: string): Promise<Profile | null>;
  updateName(id: string, name: string): Promise<void>;
}
