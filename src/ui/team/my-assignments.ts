/**
 * The progress page's "Assigned to you" list. Import-free until a team server with a signed-in learner
 * answers, like discover.ts: the progress page also serves static hosts.
 */
async function show(): Promise<void> {
  const root = document.querySelector<HTMLElement>('[data-my-assignments]');
  if (!root) return;
  try {
    if (sessionStorage.getItem('craftpath:team-server') === 'none') return;
  } catch {
    // storage blocked: ask
  }
  const base = root.dataset['base']?.replace(/\/?$/, '/') ?? '/';
  const response = await fetch(`${base}api/session`, { credentials: 'same-origin' });
  const data = response.ok ? ((await response.json()) as { server?: unknown; user?: unknown }) : undefined;
  if (data?.server !== 'craftpath-team' || data.user === undefined) return;
  const [{ call }, { assignmentListSchema }, { dueText }, { h }] = await Promise.all([
    import('./api.ts'),
    import('../../shared-api/assignments-api.ts'),
    import('./assignment-text.ts'),
    import('../dom.ts'),
  ]);
  const { assignments } = await call('GET', '/api/me/assignments', assignmentListSchema);
  if (assignments.length === 0) return;
  const lessons = JSON.parse(root.dataset['lessons'] ?? '{}') as Record<string, string>;
  root
    .querySelector('[data-list]')
    ?.replaceChildren(
      ...assignments.map((a) =>
        h(
          'li',
          { 'data-assignment': a.id },
          h('strong', {}, a.title),
          ` — assigned by ${a.assignedBy}, ${dueText(a.myDueAt)}: `,
          ...a.exercises.flatMap((slug, i) => [
            i > 0 ? ', ' : '',
            lessons[slug] ? h('a', { href: `${base}lessons/${lessons[slug]}/#exercise-${slug}` }, slug) : slug,
          ]),
        ),
      ),
    );
  root.hidden = false;
}

show().catch(() => {
  // No team server, or it failed: the page works as on a static host.
});
