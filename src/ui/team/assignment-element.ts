/**
 * <craftpath-assignment> next to every exercise: import-free, like discover.ts, because it ships with
 * every lesson. On a static host (remembered per tab by discover.ts, or a 404 here) it stays hidden; on a
 * team server with a signed-in user it loads the panel that shows the assignment and Submit.
 */
class AssignmentElement extends HTMLElement {
  connectedCallback(): void {
    void this.#start().catch(() => {
      // No team server, or it failed: the exercise works as on a static host.
    });
  }

  async #start(): Promise<void> {
    let known: string | null = null;
    try {
      known = sessionStorage.getItem('craftpath:team-server');
    } catch {
      // storage blocked: ask
    }
    if (known === 'none') return;
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const response = await fetch(`${base}api/session`, { credentials: 'same-origin' });
    const data = response.ok ? ((await response.json()) as { server?: unknown; user?: unknown }) : undefined;
    if (data?.server !== 'craftpath-team' || data.user === undefined) return;
    await (await import('./assignment-panel.ts')).mountAssignmentPanel(this);
  }
}

if (!customElements.get('craftpath-assignment')) customElements.define('craftpath-assignment', AssignmentElement);
