import { createHmac } from 'node:crypto';
import type { Hono } from 'hono';
import { createTeamServer } from '../../../src/server/app.ts';
import type { AppEnv, ServerOptions } from '../../../src/server/context.ts';
import { openStore, type Store } from '../../../src/server/store/database.ts';
import type { TestDatabase } from './stores.ts';

export const ORIGIN = 'http://localhost';
export const PASSWORD = 'correct horse battery';

/** A real app on a real fresh database; requests go through Hono's full stack with app.request(). */
export interface Harness {
  app: Hono<AppEnv>;
  store: Store;
  /** A client with its own cookie jar, like one browser. */
  client(): Client;
  /**
   * A client signed in as `userId` without a password round trip: a session row made by better-auth's
   * own adapter and its cookie signed as better-auth signs it. Saves a scrypt verify per actor where a
   * test needs many sessions; sign-in itself is tested with real passwords in accounts.test.ts.
   */
  sessionFor(userId: string): Promise<Client>;
  close(): Promise<void>;
}

export interface Client {
  cookie: string;
  /** Another client starting with this one's cookies: for calls that would replace its session. */
  clone(): Client;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export async function startHarness(
  database: TestDatabase,
  oidc?: Parameters<typeof createTeamServer>[1]['oidc'],
  more: Pick<ServerOptions, 'catalog' | 'nudgeGrader' | 'mailer'> = {},
): Promise<Harness> {
  const { target, dispose } = await database.create();
  const store = await openStore(target);
  const { app, deps } = await createTeamServer(store, {
    origin: ORIGIN,
    oidc,
    version: 'test',
    trustProxy: false,
    isolated: { lessons: [], exercises: [] },
    ...more,
  });
  return {
    app,
    store,
    client: () => makeClient(app),
    async sessionFor(userId) {
      const context = await deps.auth.$context;
      const session = await context.internalAdapter.createSession(userId);
      const signature = createHmac('sha256', context.secret).update(session.token).digest('base64');
      const client = makeClient(app);
      client.cookie = `better-auth.session_token=${encodeURIComponent(`${session.token}.${signature}`)}`;
      return client;
    },
    async close() {
      await store.close();
      await dispose();
    },
  };
}

function makeClient(app: Hono<AppEnv>): Client {
  const jar = new Map<string, string>();
  const client: Client = {
    get cookie() {
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(value: string) {
      jar.clear();
      for (const part of value.split('; ').filter(Boolean)) {
        const [k, ...v] = part.split('=');
        if (k) jar.set(k, v.join('='));
      }
    },
    clone() {
      const copy = makeClient(app);
      copy.cookie = client.cookie;
      return copy;
    },
    async request(method, path, body, headers = {}) {
      const init: RequestInit = {
        method,
        headers: {
          ...(method === 'GET' || method === 'HEAD' ? {} : { origin: ORIGIN }),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(jar.size > 0 ? { cookie: client.cookie } : {}),
          ...headers,
        },
        ...(body !== undefined
          ? { body: typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body) }
          : {}),
      };
      const res = await app.request(`${ORIGIN}${path}`, init);
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const [k, ...v] = (pair ?? '').split('=');
        if (!k) continue;
        const value = v.join('=');
        if (value === '' || /max-age=0/i.test(line)) jar.delete(k);
        else jar.set(k, value);
      }
      return res;
    },
    async json(method, path, body) {
      const res = await client.request(method, path, body);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : {}) as never };
    },
  };
  return client;
}

/** Signs a new account up through /api/accounts (founder, invitation or domain). */
export async function signUp(client: Client, email: string, invitation?: string) {
  return client.json<{ id: string; via: string; error?: string }>('POST', '/api/accounts', {
    name: email.split('@')[0],
    email,
    password: PASSWORD,
    ...(invitation ? { invitation } : {}),
  });
}

export async function signIn(client: Client, email: string, password = PASSWORD) {
  return client.json('POST', '/api/auth/sign-in/email', { email, password });
}

/** The token part of an invitation or reset link. */
export const tokenOf = (url: string) => url.split('#')[1] ?? '';
