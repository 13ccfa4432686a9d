/**
 * The `process`, `import.meta.env` and `vi.stubEnv` that test code sees in the worker engine, the same in
 * a browser worker and when the engine is hosted in Node (a module-scope binding, module-loader.ts), so
 * the differential tests see what learners see. It holds what a Vitest run offers: `env` (with Vitest's
 * NODE_ENV, MODE, DEV, PROD, …), `argv`, `platform`, `nextTick`, `cwd()`. Anything else of Node's process
 * fails with a plain message instead of a believable `undefined is not a function`.
 */

export interface TestEnvironment {
  /** `process` as test code sees it. */
  process: Record<string, unknown>;
  /** `import.meta.env`: the same variables, with DEV, PROD and SSR as booleans. */
  importMetaEnv: Record<string, unknown>;
  stubEnv(name: string, value: unknown): void;
  unstubAllEnvs(): void;
}

/** What `vitest run` puts in process.env (and import.meta.env) for test code, besides the machine's own. */
const VITEST_ENV: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  VITEST: 'true',
  TEST: 'true',
  MODE: 'test',
  DEV: '1',
  PROD: '',
  SSR: '1',
  BASE_URL: '/',
};

const BOOLEAN_ENV = new Set(['DEV', 'PROD', 'SSR']);

/** Node's process members test code may meet in ordinary suites that are still offered (with no effect). */
const HARMLESS = new Set(['on', 'off', 'once', 'emit', 'removeListener', 'removeAllListeners', 'listeners']);

export function createTestEnvironment(file: string): TestEnvironment {
  const values = new Map<string, string>(Object.entries(VITEST_ENV));
  const original = new Map<string, string | undefined>();
  const env = new Proxy(Object.create(null) as Record<string, string>, {
    get: (_target, key) => (typeof key === 'string' ? values.get(key) : undefined),
    set: (_target, key, value) => {
      if (typeof key === 'string') values.set(key, String(value));
      return true;
    },
    deleteProperty: (_target, key) => (typeof key === 'string' && values.delete(key), true),
    has: (_target, key) => typeof key === 'string' && values.has(key),
    ownKeys: () => [...values.keys()],
    getOwnPropertyDescriptor: (_target, key) =>
      typeof key === 'string' && values.has(key)
        ? { value: values.get(key), writable: true, enumerable: true, configurable: true }
        : undefined,
  });
  const importMetaEnv = new Proxy(env, {
    get: (_target, key) => {
      if (typeof key !== 'string') return undefined;
      const value = values.get(key);
      return BOOLEAN_ENV.has(key) ? Boolean(value) : value;
    },
  });
  const listeners = new Map<string, unknown[]>();
  const members: Record<string, unknown> = {
    env,
    argv: ['/usr/local/bin/node', '/workspace/node_modules/vitest/vitest.mjs', 'run', file],
    execArgv: [],
    platform: 'linux',
    version: 'v24.0.0',
    versions: { node: '24.0.0' },
    exitCode: undefined,
    pid: 1,
    cwd: () => '/workspace',
    // Node runs nextTick callbacks before promise callbacks; a microtask is the nearest a browser has.
    nextTick: (callback: (...args: unknown[]) => unknown, ...args: unknown[]) =>
      queueMicrotask(() => callback(...args)),
    hrtime: Object.assign(
      (previous?: [number, number]) => {
        const now = globalThis.performance.now();
        const seconds = Math.floor(now / 1000);
        const nanos = Math.floor((now % 1000) * 1e6);
        return previous ? [seconds - previous[0], nanos - previous[1]] : [seconds, nanos];
      },
      { bigint: () => BigInt(Math.floor(globalThis.performance.now() * 1e6)) },
    ),
    uptime: () => globalThis.performance.now() / 1000,
  };
  for (const name of HARMLESS) {
    members[name] = (event?: unknown, listener?: unknown) => {
      if (name === 'on' || name === 'once')
        listeners.set(String(event), [...(listeners.get(String(event)) ?? []), listener]);
      if (name === 'listeners') return listeners.get(String(event)) ?? [];
      return name === 'emit' ? false : members;
    };
  }
  const process = new Proxy(members, {
    get: (target, key) => {
      if (typeof key !== 'string' || key in target || key === 'then' || key === 'toJSON') return target[key as string];
      throw new Error(`process.${key} is not supported in the browser engine; the Node engine runs it`);
    },
  });
  return {
    process,
    importMetaEnv,
    stubEnv(name, value) {
      if (!original.has(name)) original.set(name, values.get(name));
      // Vitest stores the booleans of DEV, PROD and SSR as '1' and '' in process.env.
      values.set(name, BOOLEAN_ENV.has(name) && typeof value === 'boolean' ? (value ? '1' : '') : String(value));
    },
    unstubAllEnvs() {
      for (const [name, value] of original) {
        if (value === undefined) values.delete(name);
        else values.set(name, value);
      }
      original.clear();
    },
  };
}
