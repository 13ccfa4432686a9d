import { t } from '../../i18n/index.ts';
import { okSchema } from '../../shared-api/team-api.ts';
import { call } from './api.ts';
import { onSubmit } from './forms.ts';

/** /team/reset/#<token>: sets a new password from an owner-issued link. */
const token = decodeURIComponent(location.hash.slice(1));
onSubmit(document.querySelector<HTMLFormElement>('[data-reset]'), async (v) => {
  if (!token) throw new Error(t.team.noToken);
  await call('POST', '/api/password-reset', okSchema, { token, password: v['password'] });
  return t.team.resetDone;
});
