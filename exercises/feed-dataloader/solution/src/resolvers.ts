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
    // Still one call per post, but the request's loader turns the fifty calls into one query.
    author: (post: PostRow, _args: unknown, ctx: Context): Promise<ProfileRow | null> =>
      ctx.loaders.profileById.load(post.authorId),
  },
};
