import { ProgressStore } from '../../runtime/storage/progress.ts';
import { syncWithServer } from '../../runtime/sync/sync-client.ts';

/**
 * On every page: is there a team server on this origin? Only if /api/session answers as one does the
 * header show the Team link, and a signed-in learner's progress and saved code sync. A static host
 * answers 404 once per tab; the answer is remembered for the tab so other pages ask nothing.
 */
const KEY = 'craftpath:team-server';
const link = document.querySelector<HTMLElement>('[data-team-link]');
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function discover(): Promise<void> {
  let known: string | null = null;
  try {
    known = sessionStorage.getItem(KEY);
  } catch {
    // storage blocked: ask every time
  }
  if (known === 'none') return;
  let signedIn: boolean;
  try {
    const response = await fetch(`${base}api/session`, { credentials: 'same-origin' });
    const data = response.ok ? ((await response.json()) as { server?: unknown; user?: unknown }) : undefined;
    if (data?.server !== 'craftpath-team') {
      remember('none');
      return;
    }
    remember('yes');
    signedIn = data.user !== undefined;
  } catch {
    return; // offline: try again on the next page
  }
  if (link) link.hidden = false;
  if (!signedIn) return;
  const sync = () =>
    void syncWithServer(localStorage, new ProgressStore(localStorage), (input, init) => fetch(input, init), base);
  sync();
  addEventListener('online', sync);
}

function remember(value: string): void {
  try {
    sessionStorage.setItem(KEY, value);
  } catch {
    // not remembered; harmless
  }
}

void discover();
