/** What the profile service returns to every other module. */
export interface Profile {
  id: string;
  handle: string;
  displayName: string;
  email: string;
}
