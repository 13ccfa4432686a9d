import type { Profile } from '../profiles/profile';

/** The first line of every notification email. */
export function greetingLine(recipient: Profile): string {
  const firstName = recipient.displayName.trim().split(/\s+/)[0];
  return `Hi ${firstName},`;
}
