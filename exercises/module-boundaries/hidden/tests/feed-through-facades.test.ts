import { describe, expect, it, vi } from 'vitest';
import * as feeds from '../src/modules/feeds';
import * as messaging from '../src/modules/messaging';
import * as profiles from '../src/modules/profiles';

const HOUR = 60 * 60 * 1000;

// Stores are passed in as plain objects: the tests, like the app, need no module's internals.
const posts = {
  async latestFor() {
    return [
      { id: 'p2', authorId: 'ana', text: 'Shipped the new avatars', createdAt: 2 * HOUR },
      { id: 'p1', authorId: 'ghost', text: 'Anyone there?', createdAt: 1 * HOUR },
    ];
  },
};

const profileRows = [{ id: 'ana', display_name: 'Ana', media_id: 'm-1' }];
const profileStore = {
  async findByIds(ids: readonly string[]) {
    return profileRows.filter((row) => ids.includes(row.id));
  },
};

const thread = (id: string, over: Record<string, unknown>) => ({
  threadId: id,
  participantIds: ['me', 'ana'],
  lastMessageAt: 5 * HOUR,
  lastSenderId: 'ana',
  lastReadAt: { me: 1 * HOUR },
  mutedBy: [] as string[],
  ...over,
});

const threadRows = [
  thread('t-new', {}),
  thread('t-also-new', { lastReadAt: {} }),
  thread('t-read', { lastReadAt: { me: 6 * HOUR } }),
  thread('t-muted', { mutedBy: ['me'] }),
  thread('t-mine', { lastSenderId: 'me' }),
];
const threadStore = {
  async threadsFor(userId: string) {
    return threadRows.filter((t) => t.participantIds.includes(userId));
  },
};

function wire() {
  const profilesApi = profiles.createProfilesApi(profileStore, (mediaId) => `https://cdn.example/${mediaId}.png`);
  const messagingApi = messaging.createMessagingApi(threadStore);
  return feeds.createFeedService({ posts, profiles: profilesApi, messaging: messagingApi });
}

describe('the home feed, wired through the modules\' facades', () => {
  it('shows posts with their authors and the unread-messages badge', async () => {
    expect(typeof feeds.createFeedService, 'feeds/index.ts should export createFeedService').toBe('function');
    expect(typeof messaging.createMessagingApi, 'messaging/index.ts should export createMessagingApi').toBe('function');

    const feed = await wire().homeFeed('me');

    expect(feed.items).toEqual([
      {
        postId: 'p2',
        text: 'Shipped the new avatars',
        author: { id: 'ana', displayName: 'Ana', avatarUrl: 'https://cdn.example/m-1.png' },
      },
      { postId: 'p1', text: 'Anyone there?', author: null },
    ]);
    expect(feed.unreadMessages, 'muted threads, read threads and threads where I spoke last are not unread').toBe(2);
  });

  it('takes the badge from the messaging API, so messaging can change how it stores threads', async () => {
    const unreadCount = vi.fn(async (userId: string) => (userId === 'me' ? 7 : 0));
    const profilesApi = profiles.createProfilesApi(profileStore, (mediaId) => mediaId);
    const service = feeds.createFeedService({ posts, profiles: profilesApi, messaging: { unreadCount } });

    const feed = await service.homeFeed('me');

    expect(feed.unreadMessages, 'the feed should show whatever MessagingApi.unreadCount says').toBe(7);
    expect(unreadCount).toHaveBeenCalledWith('me');
  });
});

describe('the messaging facade', () => {
  it('answers the unread count by messaging\'s own rule', async () => {
    const api = messaging.createMessagingApi(threadStore);
    await expect(api.unreadCount('me')).resolves.toBe(2);
    await expect(api.unreadCount('ana'), 'for ana, only the thread where the other person spoke last is news').resolves.toBe(1);
  });

  it('exposes the API, not how threads are stored or the unread rule', () => {
    const leaked = Object.keys(messaging).filter((name) => name !== 'createMessagingApi');
    expect(leaked, 'messaging/index.ts re-exports internals, so other modules can still depend on them').toEqual([]);
  });
});
