/**
 * On every page: is there a team server on this origin? Only if /api/session answers as one does the
 * header show the Team link, and a signed-in learner's progress and saved code sync. A static host
 * answers 404 once per tab; the answer is remembered for the tab so other pages ask nothing. No imports:
 * this runs on every page, and the sync code loads only when there is something to sync with.
 */
const KEY = 'craftpath:team-server';
const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

async function discover(): Promise<void> {
  if (recall() === 'none') return;
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
  const link = document.querySelector<HTMLElement>('[data-team-link]');
  if (link) link.hidden = false;
  if (!signedIn) return;
  const notifications = document.querySelector<HTMLElement>('[data-notifications]');
  if (notifications) void import('./notifications-menu.ts').then((m) => m.mountNotifications(notifications));
  (await import('./sync-now.ts')).startSync(base);
}

function recall(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage blocked: ask every time
  }
}

function remember(value: string): void {
  try {
    sessionStorage.setItem(KEY, value);
  } catch {
    // not remembered; harmless
  }
}

discover().catch(() => {
  // A failed chunk load or a malformed answer: the page works as on a static host.
});
