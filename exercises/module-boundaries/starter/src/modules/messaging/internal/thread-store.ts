/**
 * How conversations are stored. Messaging is about to move threads to a separate store with a different
 * shape, so nothing outside messaging may depend on this file.
 */
export interface ThreadRow {
  threadId: string;
  participantIds: string[];
  lastMessageAt: number;
  lastSenderId: string;
  /** When each participant last opened the thread (epoch ms); missing means never. */
  lastReadAt: Record<string, number>;
  /** Participants who muted the thread. */
  mutedBy: string[];
}

export interface ThreadStore {
  threadsFor(userId: string): Promise<ThreadRow[]>;
}

export function createInMemoryThreadStore(rows: readonly ThreadRow[]): ThreadStore {
  return {
    async threadsFor(userId) {
      return rows.filter((row) => row.participantIds.includes(userId));
    },
  };
}
