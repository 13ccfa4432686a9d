import type { Context } from './context';
import type { PostRow, ProfileRow } from './fake-db';

export interface FeedItem {
  id: string;
  text: string;
  author: ProfileRow | null;
}

export const resolvers = {
  Query: {
    feed: (_parent: unknown, args: { first: number }, ctx: Context): Promise<PostRow[]> => ctx.db.recentPosts(args.first),
  },
  Post: {
    // Runs once per post: fifty posts, fifty profile queries.
    author: async (post: PostRow, _args: unknown, ctx: Context): Promise<ProfileRow | null> => {
      const rows = await ctx.db.profilesByIds(ctx.viewerId, [post.authorId]);
      return rows[0] ?? null;
    },
  },
};
