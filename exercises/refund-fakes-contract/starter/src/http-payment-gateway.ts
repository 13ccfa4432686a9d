import {
  RefundRejectedError,
  type Charge,
  type PaymentGateway,
  type Refund,
  type RefundRejection,
  type RefundRequest,
} from './payment-gateway';
import type { HttpResponse, Transport } from './transport';

interface WireCharge {
  id: string;
  amount: number;
  currency: string;
  status: Charge['status'];
}

interface WireRefund {
  id: string;
  charge: string;
  amount: number;
  status: Refund['status'];
}

/** The production adapter: our port in terms of the provider's HTTP API. */
export class HttpPaymentGateway implements PaymentGateway {
  readonly #http: Transport;

  constructor(http: Transport) {
    this.#http = http;
  }

  async getCharge(chargeId: string): Promise<Charge | undefined> {
    const response = await this.#http.send({ method: 'GET', path: `/v1/charges/${encodeURIComponent(chargeId)}` });
    if (response.status === 404) return undefined;
    const wire = ok<WireCharge>(response);
    return { id: wire.id, amountCents: wire.amount, currency: wire.currency.toUpperCase() as Charge['currency'], status: wire.status };
  }

  async listRefunds(chargeId: string): Promise<Refund[]> {
    const response = await this.#http.send({ method: 'GET', path: `/v1/charges/${encodeURIComponent(chargeId)}/refunds` });
    if (response.status === 404) return [];
    return ok<{ data: WireRefund[] }>(response).data.map(toRefund);
  }

  async createRefund(request: RefundRequest): Promise<Refund> {
    const response = await this.#http.send({
      method: 'POST',
      path: '/v1/refunds',
      headers: { 'Idempotency-Key': request.idempotencyKey },
      body: { charge: request.chargeId, amount: request.amountCents },
    });
    const rejection = rejectionOf(response);
    if (rejection) throw new RefundRejectedError(rejection);
    return toRefund(ok<WireRefund>(response));
  }
}

function toRefund(wire: WireRefund): Refund {
  return { id: wire.id, chargeId: wire.charge, amountCents: wire.amount, status: wire.status };
}

const REJECTIONS: Record<string, RefundRejection> = {
  resource_missing: 'charge-not-found',
  charge_not_refundable: 'charge-not-refundable',
  parameter_invalid_integer: 'invalid-amount',
  amount_too_large: 'amount-too-large',
  idempotency_key_in_use: 'idempotency-key-reused',
};

function rejectionOf(response: HttpResponse): RefundRejection | undefined {
  if (response.status !== 400 && response.status !== 404) return undefined;
  const code = (response.body as { error?: { code?: string } } | undefined)?.error?.code;
  return code === undefined ? undefined : REJECTIONS[code];
}

/** The body of a 2xx response; anything else is an outage or a bug, never a business answer. */
function ok<T>(response: HttpResponse): T {
  if (response.status < 200 || response.status > 299) {
    throw new Error(`payment provider answered ${response.status}`);
  }
  return response.body as T;
}
