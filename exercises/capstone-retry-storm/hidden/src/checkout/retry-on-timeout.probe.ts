// Bug: checkout imports the vendored SDK's errors to decide its own retries, outside the adapter.
import { AcmeServerError, AcmeTimeoutError } from '../vendor/acme-bank-sdk';

export const shouldRetry = (error: unknown) => error instanceof AcmeTimeoutError || error instanceof AcmeServerError;
