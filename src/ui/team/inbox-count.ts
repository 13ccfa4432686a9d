import { inboxSchema } from '../../shared-api/review-api.ts';
import { t } from '../../i18n/index.ts';

/**
 * The header's "Inbox" link with how many submissions wait for the signed-in mentor (assigned to them or
 * to nobody). Loaded by discover.ts only for staff of a team server; a failed call leaves the link bare.
 */
export async function showInboxCount(base: string): Promise<void> {
  const item = document.querySelector<HTMLElement>('[data-inbox-link]');
  if (!item) return;
  item.hidden = false;
  const response = await fetch(`${base}api/review/inbox?mine=1`, { credentials: 'same-origin' });
  if (!response.ok) return;
  const { mine } = inboxSchema.parse(await response.json());
  const count = item.querySelector<HTMLElement>('[data-inbox-count]');
  if (count) count.textContent = mine > 0 ? String(mine) : '';
  item.querySelector('a')?.setAttribute('aria-label', t.inboxCount(mine));
}
