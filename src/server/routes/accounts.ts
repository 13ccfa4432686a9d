import type { Hono } from 'hono';
import { APIError } from 'better-auth/api';
import {
  passwordResetLinkSchema,
  resetPasswordSchema,
  signUpResultSchema,
  signUpSchema,
  idSchema,
  okSchema,
} from '../../shared-api/team-api.ts';
import type { AppEnv, ServerDeps } from '../context.ts';
import { HttpError, param, readJson, reply } from '../http.ts';
import { ORGANISATION_ID, requireOwner, requireViewer } from '../auth/access.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { resetLinkMail } from '../mail/messages.ts';
import { consumeInvitation, findUsableInvitation, joinCohort } from './invitations.ts';

const RESET_LINK_HOURS = 24;

/**
 * Accounts: sign-up (the first account founds the team and owns it; later ones need an invitation link or
 * an auto-join email domain), owner-issued password reset links, and deleting one's own account.
 * Sign-in, sign-out and sign-out-everywhere are better-auth's endpoints, forwarded in app.ts.
 */
export function accountRoutes(app: Hono<AppEnv>, deps: ServerDeps): void {
  const { store, auth } = deps;

  app.post('/api/accounts', async (c) => {
    const body = await readJson(c, signUpSchema);
    const org = await store.db
      .selectFrom('organisation')
      .select('founder_user_id')
      .where('id', '=', ORGANISATION_ID)
      .executeTakeFirstOrThrow();
    const domain = body.email.split('@')[1] ?? '';
    let via: 'founder' | 'invitation' | 'domain';
    let invitation: Awaited<ReturnType<typeof findUsableInvitation>> | undefined;
    if (body.invitation !== undefined) {
      invitation = await findUsableInvitation(store, body.invitation);
      if (invitation.email_domain && invitation.email_domain !== domain) {
        throw new HttpError(403, `This invitation is for ${invitation.email_domain} addresses.`, 'email');
      }
      via = 'invitation';
    } else if (org.founder_user_id === null) {
      via = 'founder';
    } else {
      const auto = await store.db
        .selectFrom('cohort')
        .select('id')
        .where('auto_join_domain', '=', domain)
        .executeTakeFirst();
      if (!auto) throw new HttpError(403, 'Signing up needs an invitation link from your team.', 'invitation');
      via = 'domain';
    }

    const created = await auth.api
      .signUpEmail({
        body: { name: body.name, email: body.email, password: body.password },
        headers: c.req.raw.headers,
        returnHeaders: true,
      })
      .catch((error: unknown) => {
        if (error instanceof APIError && error.statusCode === 422) {
          throw new HttpError(409, 'An account with this email exists; sign in instead.', 'email');
        }
        throw error;
      });
    const userId = created.response.user.id;
    // The claim happens after the account exists, with a conditional update only one request can win;
    // a loser's fresh account is removed again, so a race never leaves two founders or a dangling account.
    const undo = async (status: 409 | 410, message: string): Promise<never> => {
      await store.db.deleteFrom('user').where('id', '=', userId).execute();
      throw new HttpError(status, message);
    };
    if (via === 'founder') {
      const now = new Date().toISOString();
      const claimed = await store.db
        .updateTable('organisation')
        .set({ founder_user_id: userId, updated_at: now })
        .where('id', '=', ORGANISATION_ID)
        .where('founder_user_id', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1)
        await undo(409, 'This server already has an owner; ask them for an invitation.');
      await store.db
        .insertInto('organisation_owner')
        .values({ organisation_id: ORGANISATION_ID, user_id: userId, created_at: now, updated_at: now })
        .execute();
    } else if (via === 'invitation' && invitation) {
      if (!(await consumeInvitation(store, invitation.id)))
        await undo(410, 'This invitation has just been used up or has expired.');
      await joinCohort(store, userId, invitation.cohort_id, invitation.role);
    }
    // Domain auto-join ran in the user-created hook (the same hook covers SSO accounts).
    const cookie = created.headers.get('set-cookie');
    if (cookie) c.header('Set-Cookie', cookie);
    return reply(c, signUpResultSchema, { id: userId, via }, 201);
  });

  app.post('/api/users/:id/password-reset-links', async (c) => {
    const viewer = requireOwner(c.get('viewer'));
    const userId = param(c, 'id', idSchema);
    const user = await store.db
      .selectFrom('user')
      .select(['id', 'name', 'email'])
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user) throw new HttpError(404, 'No such user.');
    const token = newToken();
    const now = new Date();
    await store.db
      .insertInto('password_reset')
      .values({
        id: newId(),
        token_hash: hashToken(token),
        user_id: userId,
        expires_at: new Date(now.getTime() + RESET_LINK_HOURS * 3600_000).toISOString(),
        used_at: null,
        created_by: viewer.id,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    const url = `${deps.origin}/team/reset/#${token}`;
    if (!deps.mailer) return reply(c, passwordResetLinkSchema, { url }, 201);
    // The link is committed before mailing: a mail server that is down costs the owner a copy and paste,
    // never the link, and the owner is told which happened.
    try {
      await deps.mailer.send(resetLinkMail({ to: user.email, name: user.name, url, hours: RESET_LINK_HOURS }));
      return reply(c, passwordResetLinkSchema, { url, mail: { sent: true, to: user.email } }, 201);
    } catch (error) {
      console.error(
        `craftpath mail: reset link for user ${user.id} not sent via ${deps.mailer.server}: ${mailErrorText(error)}`,
      );
      return reply(
        c,
        passwordResetLinkSchema,
        {
          url,
          mail: {
            sent: false,
            reason: `The mail server ${deps.mailer.server} did not take it; pass the link on yourself.`,
          },
        },
        201,
      );
    }
  });

  app.post('/api/password-reset', async (c) => {
    const body = await readJson(c, resetPasswordSchema);
    const now = new Date().toISOString();
    const used = await store.db
      .updateTable('password_reset')
      .set({ used_at: now, updated_at: now })
      .where('token_hash', '=', hashToken(body.token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('user_id')
      .executeTakeFirst();
    if (!used)
      throw new HttpError(410, 'This reset link is used, expired or unknown; ask an owner for a new one.', 'token');
    const context = await auth.$context;
    const hash = await context.password.hash(body.password);
    const account = await store.db
      .selectFrom('account')
      .select('id')
      .where('userId', '=', used.user_id)
      .where('providerId', '=', 'credential')
      .executeTakeFirst();
    if (account) await context.internalAdapter.updatePassword(used.user_id, hash);
    else
      await context.internalAdapter.linkAccount({
        userId: used.user_id,
        providerId: 'credential',
        accountId: used.user_id,
        password: hash,
      });
    // A reset means the old password may be known to someone else: end every session.
    await context.internalAdapter.deleteUserSessions(used.user_id);
    return reply(c, okSchema, { ok: true });
  });

  app.delete('/api/me', async (c) => {
    const viewer = requireViewer(c.get('viewer'));
    if (viewer.owner) {
      const owners = await store.db
        .selectFrom('organisation_owner')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      if (Number(owners.n) <= 1) throw new HttpError(409, 'You are the only owner: make someone else an owner first.');
    }
    // Cascades remove sessions, accounts, memberships, synced records and reset links.
    await store.db.deleteFrom('user').where('id', '=', viewer.id).execute();
    c.header('Set-Cookie', expiredSessionCookie(deps.origin));
    return reply(c, okSchema, { ok: true });
  });
}

function expiredSessionCookie(origin: string): string {
  const secure = origin.startsWith('https:');
  return `${secure ? '__Secure-' : ''}better-auth.session_token=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/** An SMTP failure as a line for the log: the error's code and message, which never hold the password. */
function mailErrorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${error.message}` : error.message;
}
