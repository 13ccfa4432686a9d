import type { Mail } from './mailer.ts';

/** The password reset mail: who it is for, the link, and what to do if it was not asked for. */
export function resetLinkMail(input: { to: string; name: string; url: string; hours: number }): Mail {
  return {
    to: input.to,
    subject: 'Your Craftpath password reset link',
    text: [
      `Hello ${input.name},`,
      '',
      `An owner of your Craftpath team made a link for you to set a new password. It works once, for ${input.hours} hours:`,
      '',
      input.url,
      '',
      'Setting a new password signs you out everywhere else. If you did not ask for this, tell your team owner.',
    ].join('\n'),
  };
}
