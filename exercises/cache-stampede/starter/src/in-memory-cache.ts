import { CacheUnavailableError, type CacheClient, type LeaseResult } from './cache-client';

/** An in-process stand-in for the cache cluster, used by the tests. `down = true` simulates an outage. */
export class InMemoryCache implements CacheClient {
  down = false;
  private readonly values = new Map<string, { value: string; expiresAt: number }>();
  private readonly leases = new Map<string, { token: string; issuedAt: number }>();
  private nextToken = 0;

  constructor(private readonly leaseIntervalMs = 10_000) {}

  async get(key: string): Promise<string | null> {
    this.assertUp();
    return this.live(key);
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.assertUp();
    this.values.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async delete(key: string): Promise<void> {
    this.assertUp();
    this.values.delete(key);
    this.leases.delete(key);
  }

  async leaseGet(key: string): Promise<LeaseResult> {
    this.assertUp();
    const value = this.live(key);
    if (value !== null) return { kind: 'hit', value };
    const lease = this.leases.get(key);
    if (lease && Date.now() - lease.issuedAt < this.leaseIntervalMs) return { kind: 'wait' };
    const token = String(++this.nextToken);
    this.leases.set(key, { token, issuedAt: Date.now() });
    return { kind: 'miss', token };
  }

  async leaseSet(key: string, value: string, token: string, ttlMs: number): Promise<boolean> {
    this.assertUp();
    if (this.leases.get(key)?.token !== token) return false;
    this.leases.delete(key);
    this.values.set(key, { value, expiresAt: Date.now() + ttlMs });
    return true;
  }

  private live(key: string): string | null {
    const entry = this.values.get(key);
    return entry !== undefined && entry.expiresAt > Date.now() ? entry.value : null;
  }

  private assertUp(): void {
    if (this.down) throw new CacheUnavailableError('cache cluster unreachable');
  }
}
