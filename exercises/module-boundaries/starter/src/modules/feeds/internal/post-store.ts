export interface Post {
  id: string;
  authorId: string;
  text: string;
  createdAt: number;
}

export interface PostStore {
  /** Newest first. */
  latestFor(userId: string, limit: number): Promise<Post[]>;
}
