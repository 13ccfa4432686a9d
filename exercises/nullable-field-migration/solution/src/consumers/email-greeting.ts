import type { Profile } from '../profiles/profile';

/** The first line of every notification email. */
export function greetingLine(recipient: Profile): string {
  const name = recipient.displayName?.trim();
  if (!name) return 'Hi there,';
  return `Hi ${name.split(/\s+/)[0]},`;
}
