/** A row of the `profiles` table. `display_name` has been nullable in the database since sign-up stopped asking for it. */
export interface ProfileRow {
  id: string;
  handle: string;
  display_name: string | null;
  email: string;
}

export class InMemoryProfileRows {
  private rows = new Map<string, ProfileRow>();

  insert(row: ProfileRow): this {
    this.rows.set(row.id, { ...row });
    return this;
  }

  async findById(id: string): Promise<ProfileRow | null> {
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }
}
