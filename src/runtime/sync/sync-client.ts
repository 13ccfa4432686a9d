import { applyMergedWork, exportBackup } from '../storage/backup.ts';
import type { KeyValueStorage } from '../storage/key-value.ts';
import type { ProgressStore } from '../storage/progress.ts';
import { syncStateSchema } from '../../shared-api/team-api.ts';
import { differs, mergeStates, type SyncedState } from './merge-records.ts';

export type SyncOutcome =
  /** downloaded: the server had records this browser lacked, now written here. */
  | { kind: 'synced'; downloaded: boolean }
  /** Offline, or the server failed: nothing changed locally, the next sync uploads everything again. */
  | { kind: 'offline'; reason: string }
  | { kind: 'signed-out' };

/**
 * One sync of this browser's progress and saved code with the team server: upload what is here, take
 * back the server's merge (newer wins per exercise), write the merge locally. Local records are only
 * replaced by the merge, which holds everything they held, so a failed request loses nothing and work
 * done offline goes up on the next sync. Uses the storage modules' public functions only.
 */
export async function syncWithServer(
  storage: KeyValueStorage,
  progress: ProgressStore,
  fetcher: (input: string, init: RequestInit) => Promise<Response>,
  base = '/',
): Promise<SyncOutcome> {
  const current = progress.read();
  const local: SyncedState = { progress: current, work: exportBackup(storage, current).work };
  let response: Response;
  try {
    response = await fetcher(`${base}api/sync`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(local),
    });
  } catch (error) {
    return { kind: 'offline', reason: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 401) return { kind: 'signed-out' };
  if (!response.ok) return { kind: 'offline', reason: `the server answered ${response.status}` };
  const parsed = syncStateSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { kind: 'offline', reason: 'the server sent records this page cannot read' };
  // Merge again locally: anything saved here while the request was out is kept, not overwritten.
  const latest = progress.read();
  const now: SyncedState = { progress: latest, work: exportBackup(storage, latest).work };
  const merged = mergeStates(now, parsed.data);
  const downloaded = differs(merged, now);
  if (downloaded) {
    progress.replace(merged.progress);
    const written = applyMergedWork(storage, merged.work, 'sync');
    if (!written.ok) return { kind: 'offline', reason: written.error };
  }
  return { kind: 'synced', downloaded };
}
