import { z } from 'astro/zod';

/** Where outgoing mail goes; shown to owners on the admin page without the credentials. */
export interface MailConfig {
  /** smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the first byte), with optional user:password@. */
  url: string;
  /** The From: address, e.g. "Craftpath <learn@example.com>". */
  from: string;
  /** host:port only, for the admin page and log lines: never the password. */
  server: string;
}

const mailEnvSchema = z
  .object({
    /** The SMTP server as a URL, e.g. smtps://user:password@mail.example.com:465. */
    CRAFTPATH_SMTP_URL: z
      .string()
      .url()
      .refine((value) => ['smtp:', 'smtps:'].includes(new URL(value).protocol), 'must start with smtp:// or smtps://'),
    /** The sender address every mail carries. */
    CRAFTPATH_MAIL_FROM: z.string().min(3).max(320).includes('@', { message: 'must be an email address' }),
  })
  .strict();

/**
 * Mail is optional (no mail server is assumed): with neither variable set the server hands links to the
 * owner to pass on. A half or malformed setting stops the server with the variable named, never the
 * password, rather than links that silently never arrive.
 */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfig | undefined {
  const url = env['CRAFTPATH_SMTP_URL'];
  const from = env['CRAFTPATH_MAIL_FROM'];
  if (!url && !from) return undefined;
  if (!url) throw new Error('CRAFTPATH_MAIL_FROM is set but CRAFTPATH_SMTP_URL is not: set both, or neither.');
  if (!from) throw new Error('CRAFTPATH_SMTP_URL is set but CRAFTPATH_MAIL_FROM is not: set both, or neither.');
  const result = mailEnvSchema.safeParse({ CRAFTPATH_SMTP_URL: url, CRAFTPATH_MAIL_FROM: from });
  if (!result.success) {
    const issue = result.error.issues[0];
    // zod's own message for a bad URL never echoes the value, so the password cannot leak here.
    throw new Error(`${issue?.path.join('.') ?? 'Mail setting'} ${issue?.message ?? 'is invalid'}.`);
  }
  const parsed = new URL(result.data.CRAFTPATH_SMTP_URL);
  const port = parsed.port || (parsed.protocol === 'smtps:' ? '465' : '587');
  return {
    url: result.data.CRAFTPATH_SMTP_URL,
    from: result.data.CRAFTPATH_MAIL_FROM,
    server: `${parsed.hostname}:${port}`,
  };
}
