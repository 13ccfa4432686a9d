import { describe, expect, it } from 'vitest';
import { createOrdersApi } from '../src/orders-api';
import { verifyContract } from '../src/contracts';
import { contract as mobileApp } from '../contracts/mobile-app-3';
import { contract as webCheckout } from '../contracts/web-checkout';
import { contract as partnerSync } from '../contracts/partner-sync';

const at = (iso: string) => () => Date.parse(iso);
const june = at('2026-06-01T12:00:00Z');
const november = at('2026-11-01T12:00:00Z');

describe('in the deprecation window, every recorded contract stays green', () => {
  it.each([
    ['mobile app 3.x', mobileApp],
    ['web checkout', webCheckout],
    ['partner sync', partnerSync],
  ])('%s', (_name, contract) => {
    expect(verifyContract(contract, createOrdersApi(june))).toEqual([]);
  });

  it('stores an order written with the old name under the new one', () => {
    const api = createOrdersApi(june);
    const created = api({ method: 'POST', path: '/orders', body: { customerId: 'c-9', totalCents: 500 } });
    const id = (created.body as { id: string }).id;
    expect(api({ method: 'GET', path: `/orders/${id}` }).body).toMatchObject({ buyerId: 'c-9', customerId: 'c-9' });
  });

  it('rejects a write whose two names disagree, rather than guessing which one the client meant', () => {
    const api = createOrdersApi(june);
    const response = api({ method: 'POST', path: '/orders', body: { customerId: 'c-1', buyerId: 'c-2', totalCents: 1 } });
    expect(response.status).toBe(400);
  });
});

describe('answers that carry the deprecated field say so, in the standard headers', () => {
  it('Deprecation is the date it was deprecated, as "@" and seconds since the epoch (RFC 9745)', () => {
    const response = createOrdersApi(june)({ method: 'GET', path: '/orders/o-1' });
    expect(response.headers['Deprecation']).toBe('@1775001600');
  });

  it('Sunset is the removal date as an HTTP-date (RFC 8594)', () => {
    const response = createOrdersApi(june)({ method: 'GET', path: '/orders/o-1' });
    expect(response.headers['Sunset']).toBe('Thu, 01 Oct 2026 00:00:00 GMT');
  });

  it('links to the migration guide with rel="deprecation"', () => {
    const response = createOrdersApi(june)({ method: 'GET', path: '/orders/o-1' });
    expect(response.headers['Link']).toBe('<https://api.example.com/docs/deprecations/customer-id>; rel="deprecation"');
  });
});

describe('after the sunset, the old name is gone', () => {
  it('answers with buyerId only and no deprecation headers', () => {
    const response = createOrdersApi(november)({ method: 'GET', path: '/orders/o-1' });
    expect(response.body).toEqual({ id: 'o-1', buyerId: 'c-42', totalCents: 2599 });
    expect(response.headers['Deprecation']).toBeUndefined();
    expect(response.headers['Sunset']).toBeUndefined();
  });

  it('refuses a write that only names customerId, so the partner sync fails loudly instead of losing data', () => {
    const response = createOrdersApi(november)({
      method: 'POST',
      path: '/orders',
      body: { customerId: 'c-9', totalCents: 500 },
    });
    expect(response.status).toBe(400);
    expect(verifyContract(webCheckout, createOrdersApi(november))).toEqual([]);
  });
});
