import type { Context } from './context';
import { resolvers, type FeedItem } from './resolvers';

/**
 * What a GraphQL executor does for this operation, without the graphql package:
 *
 *   query HomeFeed { feed(first: 50) { id text author { id displayName avatarUrl } } }
 *
 * It resolves `feed`, then resolves `author` for every post in parallel, one resolver call per post,
 * exactly as graphql-js runs sibling fields of a list.
 */
export async function executeHomeFeed(ctx: Context, first = 50): Promise<FeedItem[]> {
  const posts = await resolvers.Query.feed({}, { first }, ctx);
  return Promise.all(
    posts.map(async (post) => ({
      id: post.id,
      text: post.text,
      author: await resolvers.Post.author(post, {}, ctx),
    })),
  );
}
