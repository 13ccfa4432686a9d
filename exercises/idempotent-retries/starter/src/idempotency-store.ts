/**
 * Our API's side of idempotency keys (the pattern Stripe documents): the first request with a key claims
 * it with a fingerprint of its parameters; once answered, the response is stored and replayed.
 */

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

export interface IdempotencyStore {
  /** Atomically claims `key` for `fingerprint` if it is free; otherwise says what holds it. */
  claim(key: string, fingerprint: string): Promise<Claim>;
  /** Stores the answer for a claimed key; later claims with the same fingerprint replay it. */
  complete(key: string, response: StoredResponse): Promise<void>;
  /** Frees a claimed key that has no answer, so the client may try again with it. */
  release(key: string): Promise<void>;
}

/** The same parameters give the same fingerprint, whatever the order of their fields. */
export function fingerprint(params: Record<string, string | number>): string {
  return JSON.stringify(Object.keys(params).sort().map((name) => [name, params[name]]));
}

/** In production a table with a unique key; here a Map, which is atomic in a single-threaded runtime. */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  readonly #entries = new Map<string, { fingerprint: string; response?: StoredResponse }>();

  async claim(key: string, fingerprint: string): Promise<Claim> {
    const entry = this.#entries.get(key);
    if (!entry) {
      this.#entries.set(key, { fingerprint });
      return { kind: 'new' };
    }
    if (entry.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return entry.response ? { kind: 'replay', response: entry.response } : { kind: 'in-progress' };
  }

  async complete(key: string, response: StoredResponse): Promise<void> {
    const entry = this.#entries.get(key);
    if (!entry) throw new Error(`complete(${key}) without a claim`);
    entry.response = response;
  }

  async release(key: string): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry && !entry.response) this.#entries.delete(key);
  }
}
