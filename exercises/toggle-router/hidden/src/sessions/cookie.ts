// Clean: a cookie with a past `expires` date is how a session is ended; it is not a toggle.
export interface CookieOptions {
  httpOnly: boolean;
  secure: boolean;
  expires: string;
}

export const endSessionCookie: CookieOptions = { httpOnly: true, secure: true, expires: '1970-01-01' };

export function clearSession(): { name: string; value: string; options: CookieOptions } {
  return { name: 'sid', value: '', options: { ...endSessionCookie, expires: '2000-01-01' } };
}
