// Bug: checkout imports the vendored SDK's errors by relative path to decide its own retries.
import { AcmeServerError, AcmeTimeoutError } from '../vendor/acme-bank-sdk';

export const shouldRetry = (error: unknown) => error instanceof AcmeTimeoutError || error instanceof AcmeServerError;
