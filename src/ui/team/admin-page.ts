import { t } from '../../i18n/index.ts';
import { adminInfoSchema, okSchema, passwordResetLinkSchema } from '../../shared-api/team-api.ts';
import { h } from '../dom.ts';
import { call } from './api.ts';
import { onSubmit } from './forms.ts';

/** /team/admin/: what an owner needs to see at a glance; the server refuses everyone else. */
async function render(): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-admin-status]');
  let info;
  try {
    info = await call('GET', '/api/admin', adminInfoSchema);
  } catch (error) {
    if (status) status.textContent = error instanceof Error ? error.message : String(error);
    return;
  }
  document.querySelector('[data-users]')?.replaceChildren(
    ...info.users.map((u) => {
      const roles = [u.owner ? t.team.roles['owner'] : null, ...u.cohorts.map((c) => t.team.roles[c.role] ?? c.role)]
        .filter(Boolean)
        .join(', ');
      const button = h('button', { type: 'button', class: 'button button--secondary' }, t.team.resetLink);
      const out = h('input', { readonly: true, size: '50', hidden: true, 'aria-label': t.team.resetLink });
      const note = h('p', { class: 'team-note', 'data-reset-mail': '', role: 'status' });
      button.addEventListener('click', () => {
        void call('POST', `/api/users/${u.id}/password-reset-links`, passwordResetLinkSchema).then((r) => {
          out.hidden = false;
          out.value = r.url;
          if (r.mail)
            note.textContent = r.mail.sent ? t.team.resetMailed(r.mail.to) : t.team.resetNotMailed(r.mail.reason);
        });
      });
      return h('tr', {}, h('td', {}, u.name), h('td', {}, u.email), h('td', {}, roles), h('td', {}, button, note, out));
    }),
  );
  document
    .querySelector('[data-invitations]')
    ?.replaceChildren(
      ...info.invitations.map((i) =>
        h(
          'li',
          {},
          `${t.team.roles[i.role] ?? i.role}, ${i.usesLeft} × ${t.team.maxUses.toLowerCase()}, ${i.expiresAt.slice(0, 10)}`,
        ),
      ),
    );
  const sso = document.querySelector('[data-sso-status]');
  if (sso) sso.textContent = info.sso.enabled && info.sso.issuer ? t.team.ssoOn(info.sso.issuer) : t.team.ssoOff;
  const mail = document.querySelector('[data-mail-status]');
  if (mail) mail.textContent = info.mail.enabled && info.mail.server ? t.team.mailOn(info.mail.server) : t.team.mailOff;
  const db = document.querySelector('[data-db]');
  if (db)
    db.textContent = t.team.database(
      info.database.kind,
      info.database.location,
      info.database.schemaVersion,
      info.version,
    );
  const retention = document.querySelector<HTMLInputElement>('[name="retentionDays"]');
  if (retention)
    retention.value = info.organisation.retentionDays === null ? '' : String(info.organisation.retentionDays);
}

onSubmit(document.querySelector<HTMLFormElement>('[data-retention]'), async (v) => {
  const days = v['retentionDays']?.trim();
  await call('PATCH', '/api/organisation', okSchema, { retentionDays: days ? Number(days) : null });
  return t.team.saved;
});

void render();
