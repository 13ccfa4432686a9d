/**
 * A vendored copy of the card processor's SDK (`@acme/bank-sdk`). Its types and errors are the
 * processor's vocabulary; the rest of the code base should speak ours (see src/adapters/bank).
 */
export interface CreateChargeParams {
  amountCents: number;
  currency: string;
  cardToken: string;
  /** The processor returns the saved charge for a key it has seen, instead of charging again. */
  idempotencyKey?: string;
}

export interface AcmeCharge {
  id: string;
  status: 'succeeded' | 'declined';
  declineCode?: string;
}

export interface AcmeBankClient {
  createCharge(params: CreateChargeParams): Promise<AcmeCharge>;
}

/** No response in time. The processor may have committed the charge: only asking it later tells. */
export class AcmeTimeoutError extends Error {
  override name = 'AcmeTimeoutError';
}

/** 429: the processor refused the request without processing it. */
export class AcmeRateLimitedError extends Error {
  override name = 'AcmeRateLimitedError';
}

/** 5xx: the processor failed before processing the request. */
export class AcmeServerError extends Error {
  override name = 'AcmeServerError';
}
