import type { Context } from 'hono';
import type { z } from 'astro/zod';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../shared-api/team-api.ts';

/** A refusal with the status and sentence the client gets; thrown from handlers, turned into JSON by app.ts. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly field: string | undefined;

  constructor(status: ContentfulStatusCode, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }

  toBody(): ApiError {
    return this.field === undefined ? { error: this.message } : { error: this.message, field: this.field };
  }
}

/** Request bodies above this are refused before parsing; sync has its own, larger limit. */
export const DEFAULT_BODY_LIMIT = 16 * 1024;
export const SYNC_BODY_LIMIT = 2 * 1024 * 1024;

/**
 * Reads and validates a JSON body: size first (413), then UTF-8 (400), then JSON, then the zod schema,
 * whose first issue names the field. Nothing is written before this returns, so bad input changes nothing.
 */
export async function readJson<S extends z.ZodType>(
  c: Context,
  schema: S,
  limit = DEFAULT_BODY_LIMIT,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new HttpError(415, 'Send the body as application/json.');
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > limit) throw new HttpError(413, `The body is larger than ${limit} bytes.`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength > limit) throw new HttpError(413, `The body is larger than ${limit} bytes.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'The body is not valid UTF-8.');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The body is not valid JSON.');
  }
  return parseOr400(schema, data, 'body');
}

/** Validates the query string (?page=2&layout=canvas) against its schema; the first issue names the parameter. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  return parseOr400(schema, c.req.query(), 'query');
}

/** The parsed value, or a 400 naming the first offending field (an unknown key counts as the field). */
function parseOr400<S extends z.ZodType>(schema: S, data: unknown, whole: string): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const keys = issue && 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
    const path = [...(issue?.path ?? []), ...keys.slice(0, 1)].map(String).join('.');
    throw new HttpError(400, `${path || whole}: ${issue?.message ?? 'invalid'}`, path || undefined);
  }
  return result.data;
}

/** Validates a path parameter (ids, tokens) before it reaches a query. */
export function param<S extends z.ZodType>(c: Context, name: string, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.param(name));
  if (!result.success) throw new HttpError(400, `${name}: ${result.error.issues[0]?.message ?? 'invalid'}`, name);
  return result.data;
}

/** JSON response checked against its shared schema, so the server cannot drift from what the browser expects. */
export function reply<S extends z.ZodType>(
  c: Context,
  schema: S,
  body: z.infer<S>,
  status: ContentfulStatusCode = 200,
) {
  return c.json(schema.parse(body) as object, status);
}
