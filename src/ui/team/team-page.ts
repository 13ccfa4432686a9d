import { t } from '../../i18n/index.ts';
import {
  cohortListSchema,
  cohortSchema,
  createdInvitationSchema,
  memberListSchema,
  okSchema,
  signUpResultSchema,
  type SessionInfo,
} from '../../shared-api/team-api.ts';
import { h } from '../dom.ts';
import { base, call, session } from './api.ts';
import { onSubmit } from './forms.ts';
import { z } from 'astro/zod';

/** /team/: sign-in (or the first-run owner form), then the caller's cohorts, members and invitations. */
const root = document.querySelector<HTMLElement>('[data-team]');
const anyJson = z.unknown();

async function render(): Promise<void> {
  if (!root) return;
  const info = await session();
  const show = (name: string, visible: boolean) => {
    const el = root.querySelector<HTMLElement>(`[data-when="${name}"]`);
    if (el) el.hidden = !visible;
  };
  show('no-server', !info);
  show('signed-out', info !== undefined && !info.user);
  show('fresh', info?.fresh === true);
  show('signed-in', info?.user !== undefined);
  const sso = root.querySelector<HTMLButtonElement>('[data-sso]');
  if (sso && info?.sso) {
    sso.hidden = false;
    sso.textContent = t.team.sso(info.sso);
  }
  if (info?.user) await renderSignedIn(info);
}

async function renderSignedIn(info: SessionInfo): Promise<void> {
  const user = info.user;
  if (!root || !user) return;
  const who = root.querySelector('[data-who]');
  if (who) who.textContent = `${t.team.signedInAs(user.name, user.email)}${user.owner ? ` ${t.team.ownerBadge}` : ''}`;
  root.querySelector<HTMLElement>('[data-owner-only]')?.toggleAttribute('hidden', !user.owner);
  const list = root.querySelector<HTMLElement>('[data-cohorts]');
  if (!list) return;
  const { cohorts } = await call('GET', '/api/cohorts', cohortListSchema);
  list.replaceChildren(...(cohorts.length === 0 ? [h('p', {}, t.team.noCohorts)] : []));
  for (const cohort of cohorts) {
    const staff = cohort.role === 'owner' || cohort.role === 'mentor';
    const section = h(
      'section',
      { class: 'team-cohort', 'data-cohort': cohort.name },
      h('h3', {}, cohort.name),
      h('p', { class: 'meta' }, `${t.team.role}: ${t.team.roles[cohort.role] ?? cohort.role}`),
    );
    list.append(section);
    if (!staff) continue;
    // The cohort's assignments and every learner's submissions (src/pages/team/assignments.astro).
    section.append(
      h(
        'p',
        {},
        h('a', { href: `${base}team/assignments/?cohort=${cohort.id}` }, 'Assignments'),
        ' · ',
        h('a', { href: `${base}team/dashboard/?cohort=${cohort.id}` }, 'Dashboard'),
        ' · ',
        // Shared failures and disagreements (src/pages/team/signals.astro).
        h('a', { href: `${base}team/signals/?cohort=${cohort.id}` }, 'Signals'),
      ),
    );
    const { members } = await call('GET', `/api/cohorts/${cohort.id}/members`, memberListSchema);
    section.append(
      h('h4', {}, t.team.members),
      h(
        'ul',
        { 'data-members': true },
        ...members.map((m) => h('li', {}, `${m.name} (${m.email}), ${t.team.roles[m.role] ?? m.role}`)),
      ),
    );
    const form = h(
      'form',
      { class: 'team-form', 'data-invite': true },
      h(
        'label',
        {},
        t.team.role,
        ' ',
        h(
          'select',
          { name: 'role' },
          h('option', { value: 'learner' }, t.team.roles['learner']),
          cohort.role === 'owner' ? h('option', { value: 'mentor' }, t.team.roles['mentor']) : null,
        ),
      ),
      h(
        'label',
        {},
        t.team.expiresInDays,
        ' ',
        h('input', { name: 'expiresInDays', type: 'number', min: '1', max: '90', value: '14', required: true }),
      ),
      h(
        'label',
        {},
        t.team.maxUses,
        ' ',
        h('input', { name: 'maxUses', type: 'number', min: '1', max: '500', value: '30', required: true }),
      ),
      h('button', { type: 'submit', class: 'button' }, t.team.invite),
      h('p', { role: 'status', 'data-status': true }),
    );
    const output = h(
      'p',
      { hidden: true },
      h('label', {}, t.team.inviteLink, ' ', h('input', { readonly: true, 'data-invite-link': true, size: '60' })),
    );
    section.append(form, output);
    onSubmit(form, async (v) => {
      const created = await call('POST', `/api/cohorts/${cohort.id}/invitations`, createdInvitationSchema, {
        role: v['role'],
        expiresInDays: Number(v['expiresInDays']),
        maxUses: Number(v['maxUses']),
      });
      output.hidden = false;
      const input = output.querySelector('input');
      if (input) input.value = created.url;
    });
    if (cohort.role === 'owner') {
      const remove = h('button', { type: 'button', class: 'button button--secondary' }, t.team.deleteCohort);
      remove.addEventListener('click', () => {
        if (!confirm(t.team.confirmDeleteCohort(cohort.name))) return;
        void call('DELETE', `/api/cohorts/${cohort.id}`, okSchema).then(render);
      });
      section.append(h('p', {}, remove));
    }
  }
}

onSubmit(document.querySelector<HTMLFormElement>('[data-sign-in]'), async (v) => {
  await call('POST', '/api/auth/sign-in/email', anyJson, { email: v['email'], password: v['password'] });
  await render();
});
onSubmit(document.querySelector<HTMLFormElement>('[data-create-owner]'), async (v) => {
  await call('POST', '/api/accounts', signUpResultSchema, {
    name: v['name'],
    email: v['email'],
    password: v['password'],
  });
  await render();
});
onSubmit(document.querySelector<HTMLFormElement>('[data-new-cohort]'), async (v) => {
  await call('POST', '/api/cohorts', cohortSchema, { name: v['name'] });
  await render();
});
document.querySelector('[data-sso]')?.addEventListener('click', () => {
  void call('POST', '/api/auth/sign-in/social', z.object({ url: z.string() }).passthrough(), {
    provider: 'sso',
    callbackURL: `${base}team/`,
  }).then((r) => location.assign(r.url));
});
const after = (path: string) => () => void call('POST', path, anyJson, {}).then(render);
document.querySelector('[data-sign-out]')?.addEventListener('click', after('/api/auth/sign-out'));
document.querySelector('[data-sign-out-everywhere]')?.addEventListener('click', after('/api/auth/revoke-sessions'));
document.querySelector('[data-delete-me]')?.addEventListener('click', () => {
  if (confirm(t.team.confirmDelete)) void call('DELETE', '/api/me', okSchema).then(render);
});

void render();
