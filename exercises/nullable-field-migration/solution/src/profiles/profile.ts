/** What the profile service returns to every other module. */
export interface Profile {
  id: string;
  handle: string;
  /** Null when the user never set one: sign-up no longer asks for it. */
  displayName: string | null;
  email: string;
}
