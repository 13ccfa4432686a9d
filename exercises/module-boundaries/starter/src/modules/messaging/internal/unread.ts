import type { ThreadRow } from './thread-store';

/**
 * Messaging's definition of "unread": a newer message from someone else, in a thread the user has not
 * muted. Product changes this rule every few months; it must stay in one place.
 */
export function countUnread(threads: readonly ThreadRow[], userId: string): number {
  return threads.filter(
    (t) => !t.mutedBy.includes(userId) && t.lastSenderId !== userId && t.lastMessageAt > (t.lastReadAt[userId] ?? 0),
  ).length;
}
