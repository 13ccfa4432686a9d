import { ProgressStore } from '../../runtime/storage/progress.ts';
import { syncWithServer } from '../../runtime/sync/sync-client.ts';

/**
 * Loaded by discover.ts only once a team server has answered and the learner is signed in, so pages on
 * static hosts never download the sync code or its schemas.
 */
export function startSync(base: string): void {
  const sync = () =>
    void syncWithServer(localStorage, new ProgressStore(localStorage), (input, init) => fetch(input, init), base);
  sync();
  addEventListener('online', sync);
}
