// Probe: feeds builds its own thread store from messaging's internals. Must be flagged.
import { createInMemoryThreadStore } from '../../messaging/internal/thread-store';

export const probe = createInMemoryThreadStore;
