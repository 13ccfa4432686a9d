import type { z } from 'astro/zod';
import { apiErrorSchema, sessionSchema, type SessionInfo } from '../../shared-api/team-api.ts';

/** A refused or failed call, with the server's sentence (and field) to show next to the form. */
export class ApiCallError extends Error {
  readonly status: number;
  readonly field: string | undefined;
  constructor(status: number, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Calls the team server on this origin; the response is checked against its shared zod schema. */
export async function call<S extends z.ZodType>(
  method: string,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.infer<S>> {
  const response = await fetch(`${base}${path.replace(/^\//, '')}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => ({}))) as unknown;
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(data);
    const message = error.success
      ? error.data.error
      : typeof data === 'object' && data && 'message' in data
        ? String(data.message)
        : `HTTP ${response.status}`;
    throw new ApiCallError(response.status, message, error.success ? error.data.field : undefined);
  }
  return schema.parse(data);
}

/** The session, or undefined on a static host (no team server answers /api/session here). */
export async function session(): Promise<SessionInfo | undefined> {
  try {
    const response = await fetch(`${base}api/session`, { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const parsed = sessionSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export { base };
