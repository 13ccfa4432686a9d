import type { Profile } from '../profiles/profile';

export const CSV_HEADER = 'id,handle,display_name,email';

/** One line of the support team's CSV export (RFC 4180 quoting). */
export function toCsvRow(profile: Profile): string {
  return [profile.id, profile.handle, csvCell(profile.displayName), profile.email].join(',');
}

function csvCell(value: string): string {
  const needsQuotes = value.includes(',') || value.includes('"') || value.includes('\n');
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}
