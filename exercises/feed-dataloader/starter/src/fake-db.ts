/**
 * An in-memory stand-in for the app's database that counts every query, like the query log a real
 * test wrapper would read. Rows come back in storage order, not in the order you asked for, and
 * missing ids are simply absent: the same contract as `SELECT ... WHERE id = ANY($1)`.
 */

export interface PostRow {
  id: string;
  text: string;
  authorId: string;
}

export interface ProfileRow {
  id: string;
  displayName: string;
  /** Only friends of the viewer (and the viewer) see the avatar; everyone else gets null. */
  avatarUrl: string | null;
}

export interface QueryLogEntry {
  sql: string;
  viewerId: string | null;
  ids: string[];
}

interface StoredProfile {
  id: string;
  displayName: string;
  avatarUrl: string;
  friends: string[];
}

export class FakeDatabase {
  readonly queries: QueryLogEntry[] = [];
  private posts: PostRow[] = [];
  private profiles = new Map<string, StoredProfile>();

  addProfile(id: string, displayName: string, options: { friends?: string[] } = {}): void {
    this.profiles.set(id, { id, displayName, avatarUrl: `https://cdn.example/avatars/${id}.png`, friends: options.friends ?? [] });
  }

  renameProfile(id: string, displayName: string): void {
    const profile = this.profiles.get(id);
    if (!profile) throw new Error(`no profile ${id}`);
    profile.displayName = displayName;
  }

  addPost(id: string, authorId: string, text = `post ${id}`): void {
    this.posts.push({ id, text, authorId });
  }

  /** SELECT id, text, author_id FROM posts ORDER BY created_at DESC LIMIT $1 */
  async recentPosts(limit: number): Promise<PostRow[]> {
    this.queries.push({ sql: 'recentPosts', viewerId: null, ids: [] });
    await tick();
    return this.posts.slice(-limit).reverse().map((post) => ({ ...post }));
  }

  /**
   * SELECT ... FROM profiles WHERE id = ANY($2), filtered by what $1 (the viewer) may see.
   * One query however many ids; rows in storage order; unknown ids omitted.
   */
  async profilesByIds(viewerId: string, ids: readonly string[]): Promise<ProfileRow[]> {
    this.queries.push({ sql: 'profilesByIds', viewerId, ids: [...ids] });
    await tick();
    const wanted = new Set(ids);
    const rows: ProfileRow[] = [];
    for (const profile of this.profiles.values()) {
      if (!wanted.has(profile.id)) continue;
      const seesAvatar = profile.id === viewerId || profile.friends.includes(viewerId);
      rows.push({ id: profile.id, displayName: profile.displayName, avatarUrl: seesAvatar ? profile.avatarUrl : null });
    }
    return rows;
  }
}

/** A database round trip: resolves on a later turn of the event loop, never synchronously. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
