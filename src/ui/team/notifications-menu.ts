import type { z } from 'astro/zod';
import { notificationListSchema } from '../../shared-api/review-api.ts';
import { h } from '../dom.ts';
import { ApiCallError, call } from './api.ts';
import { t } from '../../i18n/index.ts';
import { PollSchedule, type PollOutcome } from './poll-schedule.ts';
import '../../styles/notifications.css';

/**
 * The header's notifications control, mounted by discover.ts for a signed-in user of a team server: a
 * disclosure button with the unread count, opening a list of links. Opening a notification marks it read
 * before the page changes, so the count is right on the next page; "Mark all read" clears the rest. The
 * count stays fresh on a page left open: polled while the tab is visible and refreshed when it is shown.
 */
export async function mountNotifications(host: HTMLElement): Promise<void> {
  const menu = new NotificationsMenu(host);
  menu.show(await call('GET', '/api/notifications', notificationListSchema));
  const schedule = new PollSchedule(
    () => menu.refresh(),
    { set: (run, ms) => window.setTimeout(run, ms), clear: (handle) => window.clearTimeout(handle as number) },
    () => document.visibilityState === 'visible',
  );
  document.addEventListener('visibilitychange', () => schedule.visibilityChanged());
  schedule.start();
}

type NotificationList = z.infer<typeof notificationListSchema>;

class NotificationsMenu {
  readonly #host: HTMLElement;
  readonly #count = h('span', { class: 'notifications__count', 'data-unread': true, 'aria-hidden': 'true' });
  readonly #label = h('span', { class: 'visually-hidden' });
  readonly #button = h(
    'button',
    {
      type: 'button',
      class: 'link-button notifications__toggle',
      'aria-expanded': 'false',
      'aria-controls': 'notifications-panel',
      'data-notifications-toggle': true,
    },
    t.notifications.toggle,
  );
  readonly #panel = h('div', { id: 'notifications-panel', class: 'notifications__panel', hidden: true });

  #open = false;

  constructor(host: HTMLElement) {
    this.#host = host;
    this.#button.append(this.#label, this.#count);
    this.#button.addEventListener('click', () => this.#toggle(!this.#open));
    // A disclosure closes on Escape (focus back on its button) and when focus or a click leaves it.
    host.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || !this.#open) return;
      this.#toggle(false);
      this.#button.focus();
    });
    document.addEventListener('click', (e) => {
      if (this.#open && e.target instanceof Node && !host.contains(e.target)) this.#toggle(false);
    });
    host.replaceChildren(this.#button, this.#panel);
  }

  show(list: NotificationList): void {
    const { unread } = list;
    this.#count.textContent = unread > 0 ? String(unread) : '';
    this.#count.hidden = unread === 0;
    this.#label.textContent = t.notifications.unread(unread);
    this.#host.dataset['unread'] = String(unread);
    this.#panel.replaceChildren(...this.#render(list));
    this.#host.hidden = false;
  }

  /**
   * One poll. The newest 50 and the count are two indexed queries, cheap enough to ask every minute. An
   * open list is left as it is (re-rendering it would move the focus under the reader); the next poll after
   * it closes catches up.
   */
  async refresh(): Promise<PollOutcome> {
    try {
      const list = await call('GET', '/api/notifications', notificationListSchema);
      if (!this.#open) this.show(list);
      return 'ok';
    } catch (error) {
      return error instanceof ApiCallError && error.status === 401 ? 'signed-out' : 'failed';
    }
  }

  #render(list: NotificationList): Node[] {
    if (list.notifications.length === 0) return [h('p', { class: 'meta' }, t.notifications.empty)];
    const items = list.notifications.map((n) => {
      const link = h(
        'a',
        { href: n.link, 'data-notification': n.id, 'data-read': n.read ? 'true' : 'false' },
        n.read ? null : h('span', { class: 'visually-hidden' }, t.notifications.unreadItem),
        n.summary,
        h('span', { class: 'meta notifications__time' }, ` · ${new Date(n.createdAt).toLocaleString()}`),
      );
      link.addEventListener('click', (e) => {
        if (n.read || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        // Closed first: a link to this page's own exercise only scrolls, and the list would stay over it.
        this.#toggle(false);
        void this.#markRead([n.id]).finally(() => location.assign(n.link));
      });
      return h(
        'li',
        { class: n.read ? 'notifications__item' : 'notifications__item notifications__item--unread' },
        link,
      );
    });
    const all = h(
      'button',
      { type: 'button', class: 'link-button', 'data-mark-all-read': true },
      t.notifications.markAllRead,
    );
    all.disabled = list.unread === 0;
    all.addEventListener('click', () => void this.#markRead(undefined).then(() => this.#button.focus()));
    return [h('ul', { class: 'notifications__list', 'aria-label': t.notifications.toggle }, ...items), h('p', {}, all)];
  }

  async #markRead(ids: string[] | undefined): Promise<void> {
    this.show(await call('POST', '/api/notifications/read', notificationListSchema, ids ? { ids } : {}));
  }

  #toggle(open: boolean): void {
    this.#open = open;
    this.#panel.hidden = !open;
    this.#button.setAttribute('aria-expanded', String(open));
  }
}
