/**
 * The shared cache (memcached-style, with leases), as every instance of the profile service sees it.
 * Values are strings; every call is a network round trip and throws CacheUnavailableError when the
 * cache cluster is down.
 */
export type LeaseResult =
  /** The key holds a live value. */
  | { kind: 'hit'; value: string }
  /** No value, and you hold the lease: load it and leaseSet it with this token. */
  | { kind: 'miss'; token: string }
  /** No value, and another client holds the lease: it is loading the value right now. */
  | { kind: 'wait' };

export interface CacheClient {
  /** Plain read: the value, or null on a miss. */
  get(key: string): Promise<string | null>;
  /** Plain write. It does not touch outstanding leases. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  /** Removes the value and invalidates any outstanding lease on the key. */
  delete(key: string): Promise<void>;
  /** A read that hands out at most one lease per key at a time (a new one after 10 s at the latest). */
  leaseGet(key: string): Promise<LeaseResult>;
  /** Stores the value only if `token` is still the key's lease; false if a delete (or time) revoked it. */
  leaseSet(key: string, value: string, token: string, ttlMs: number): Promise<boolean>;
}

export class CacheUnavailableError extends Error {
  override name = 'CacheUnavailableError';
}
