/** How profiles are stored: a decision only the profiles module may know about. */
export interface ProfileRow {
  id: string;
  display_name: string;
  media_id: string | null;
}

export interface ProfileStore {
  findByIds(ids: readonly string[]): Promise<ProfileRow[]>;
}

export function createInMemoryProfileStore(rows: readonly ProfileRow[]): ProfileStore {
  return {
    async findByIds(ids) {
      const wanted = new Set(ids);
      return rows.filter((row) => wanted.has(row.id));
    },
  };
}
