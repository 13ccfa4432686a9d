import type { SavedPostsApi } from './saved-posts';

/** A scriptable implementation for tests: records every call, and can answer, fail or hang. */
export class FakeSavedPosts implements SavedPostsApi {
  readonly calls: string[] = [];
  private saved = new Map<string, string[]>();
  private failure: Error | null = null;
  private hanging = false;

  constructor(readonly label: string) {}

  seed(userId: string, postIds: string[]): this {
    this.saved.set(userId, [...postIds]);
    return this;
  }

  failWith(message: string): this {
    this.failure = new Error(message);
    return this;
  }

  /** Every call returns a promise that never settles, like a dependency that stopped answering. */
  hang(): this {
    this.hanging = true;
    return this;
  }

  async list(userId: string): Promise<string[]> {
    this.calls.push(`list ${userId}`);
    await this.respond();
    return [...(this.saved.get(userId) ?? [])];
  }

  async save(userId: string, postId: string): Promise<void> {
    this.calls.push(`save ${userId} ${postId}`);
    await this.respond();
    this.saved.set(userId, [...(this.saved.get(userId) ?? []), postId]);
  }

  private async respond(): Promise<void> {
    if (this.hanging) await new Promise(() => {});
    if (this.failure) throw this.failure;
  }
}

/** Lets every pending promise callback run, so work started "on the side" has finished. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}
