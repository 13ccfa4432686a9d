import type { HttpRequest, HttpResponse, Transport } from './transport';

/**
 * The card provider's test-mode API, scripted in memory so the contract suite can run anywhere. In CI
 * this would be the provider's real sandbox over HTTPS; it speaks the provider's wire format (amounts in
 * minor units, lower-case currencies, errors as { error: { type, code } }), not ours.
 */

export interface WireCharge {
  id: string;
  amount: number;
  currency: 'eur' | 'usd';
  status: 'succeeded' | 'pending' | 'failed';
}

export interface WireRefund {
  id: string;
  charge: string;
  amount: number;
  status: 'succeeded' | 'pending' | 'failed';
}

export class ProviderSandbox implements Transport {
  readonly #charges = new Map<string, WireCharge>();
  readonly #refunds: WireRefund[] = [];
  /** Idempotency key to the request it was first used with and the response sent then. */
  readonly #keys = new Map<string, { charge: unknown; amount: unknown; response: HttpResponse }>();
  readonly #scriptedFailures: number[] = [];
  #nextRefund = 1;

  /** Test-mode fixtures, as the provider's dashboard would create them. */
  addCharge(charge: WireCharge): void {
    this.#charges.set(charge.id, { ...charge });
  }

  addRefund(refund: WireRefund): void {
    this.#refunds.push({ ...refund });
  }

  /** Scripts an outage: the next request is answered with this status (e.g. 503) and changes nothing. */
  failNextRequest(status: number): void {
    this.#scriptedFailures.push(status);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const failure = this.#scriptedFailures.shift();
    if (failure !== undefined) return error(failure, 'api_error', 'scripted_failure');
    const refundsOf = /^\/v1\/charges\/([^/]+)\/refunds$/.exec(request.path);
    const charge = /^\/v1\/charges\/([^/]+)$/.exec(request.path);
    if (request.method === 'GET' && refundsOf) return this.#listRefunds(decodeURIComponent(refundsOf[1] ?? ''));
    if (request.method === 'GET' && charge) return this.#getCharge(decodeURIComponent(charge[1] ?? ''));
    if (request.method === 'POST' && request.path === '/v1/refunds') return this.#createRefund(request);
    return error(404, 'invalid_request_error', 'route_not_found');
  }

  #getCharge(id: string): HttpResponse {
    const charge = this.#charges.get(id);
    return charge ? { status: 200, body: { ...charge } } : error(404, 'invalid_request_error', 'resource_missing');
  }

  #listRefunds(chargeId: string): HttpResponse {
    if (!this.#charges.has(chargeId)) return error(404, 'invalid_request_error', 'resource_missing');
    return { status: 200, body: { data: this.#refunds.filter((r) => r.charge === chargeId).map((r) => ({ ...r })) } };
  }

  #createRefund(request: HttpRequest): HttpResponse {
    const body = (request.body ?? {}) as { charge?: unknown; amount?: unknown };
    const key = request.headers?.['Idempotency-Key'];
    const seen = key === undefined ? undefined : this.#keys.get(key);
    if (seen) {
      if (seen.charge !== body.charge || seen.amount !== body.amount) return error(400, 'idempotency_error', 'idempotency_key_in_use');
      return seen.response;
    }
    const charge = typeof body.charge === 'string' ? this.#charges.get(body.charge) : undefined;
    if (!charge) return error(404, 'invalid_request_error', 'resource_missing');
    if (typeof body.amount !== 'number' || !Number.isInteger(body.amount) || body.amount <= 0) {
      return error(400, 'invalid_request_error', 'parameter_invalid_integer');
    }
    if (charge.status !== 'succeeded') return error(400, 'invalid_request_error', 'charge_not_refundable');
    const refunded = this.#refunds
      .filter((r) => r.charge === charge.id && r.status !== 'failed')
      .reduce((sum, r) => sum + r.amount, 0);
    if (body.amount > charge.amount - refunded) return error(400, 'invalid_request_error', 'amount_too_large');
    const refund: WireRefund = { id: `re_${this.#nextRefund++}`, charge: charge.id, amount: body.amount, status: 'succeeded' };
    this.#refunds.push(refund);
    const response = { status: 200, body: { ...refund } };
    // Like most providers, only requests that did something are remembered; a rejected one may be retried.
    if (key !== undefined) this.#keys.set(key, { charge: body.charge, amount: body.amount, response });
    return response;
  }
}

function error(status: number, type: string, code: string): HttpResponse {
  return { status, body: { error: { type, code } } };
}
