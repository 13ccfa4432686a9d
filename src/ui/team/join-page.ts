import { z } from 'astro/zod';
import { t } from '../../i18n/index.ts';
import { invitationPreviewSchema, okSchema, signUpResultSchema } from '../../shared-api/team-api.ts';
import { base, call, session } from './api.ts';
import { onSubmit } from './forms.ts';

/** /team/join/#<token>: the token stays in the fragment, which browsers never send to a server. */
const token = decodeURIComponent(location.hash.slice(1));
const status = document.querySelector<HTMLElement>('[data-join-status]');
const say = (text: string) => {
  if (status) status.textContent = text;
};
const reveal = (selector: string) => document.querySelector<HTMLElement>(selector)?.removeAttribute('hidden');

async function start(): Promise<void> {
  if (!token) return say(t.team.noToken);
  try {
    const invite = await call('POST', '/api/invitations/preview', invitationPreviewSchema, { token });
    say(t.team.joinInvited(invite.cohort, t.team.roles[invite.role] ?? invite.role));
  } catch (error) {
    return say(error instanceof Error ? error.message : String(error));
  }
  const info = await session();
  reveal(info?.user ? '[data-accept]' : '[data-join-forms]');
}

const done = () => location.assign(`${base}team/`);
onSubmit(document.querySelector<HTMLFormElement>('[data-join-sign-up]'), async (v) => {
  await call('POST', '/api/accounts', signUpResultSchema, {
    name: v['name'],
    email: v['email'],
    password: v['password'],
    invitation: token,
  });
  done();
});
onSubmit(document.querySelector<HTMLFormElement>('[data-join-sign-in]'), async (v) => {
  await call('POST', '/api/auth/sign-in/email', z.unknown(), { email: v['email'], password: v['password'] });
  await call('POST', '/api/invitations/accept', okSchema, { token });
  done();
});
onSubmit(document.querySelector<HTMLFormElement>('[data-accept]'), async () => {
  await call('POST', '/api/invitations/accept', okSchema, { token });
  done();
});

void start();
