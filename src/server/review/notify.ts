import { newId } from '../auth/tokens.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Store } from '../store/database.ts';
import type { NotificationTable } from '../store/schema.ts';

/** What a notification says: kind, the one-line summary, the site path it opens, and what it is about. */
export interface NotificationInput {
  userId: string;
  kind: NotificationTable['kind'];
  summary: string;
  /** Site path, e.g. `/team/review/?submission=…`; mailed as an absolute link on `origin`. */
  link: string;
  submissionId?: string | null;
  threadId?: string | null;
}

/**
 * Stores an in-site notification and, when SMTP is configured, mails it. The stored row is the record:
 * a mail server that refuses the message is logged and never fails the mentor's or learner's request.
 */
export async function notify(
  deps: { store: Store; mailer: Mailer | undefined; origin: string },
  input: NotificationInput,
): Promise<void> {
  const now = new Date().toISOString();
  await deps.store.db
    .insertInto('notification')
    .values({
      id: newId(),
      user_id: input.userId,
      kind: input.kind,
      submission_id: input.submissionId ?? null,
      thread_id: input.threadId ?? null,
      summary: input.summary,
      link: input.link,
      read_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (!deps.mailer) return;
  const user = await deps.store.db
    .selectFrom('user')
    .select(['email', 'name'])
    .where('id', '=', input.userId)
    .executeTakeFirst();
  if (!user) return;
  try {
    await deps.mailer.send({
      to: user.email,
      subject: `Craftpath: ${input.summary}`,
      text: [`Hello ${user.name},`, '', input.summary, '', new URL(input.link, deps.origin).href].join('\n'),
    });
  } catch (error) {
    console.error(
      `craftpath mail: notification for user ${input.userId} not sent via ${deps.mailer.server}: ${String(error)}`,
    );
  }
}
