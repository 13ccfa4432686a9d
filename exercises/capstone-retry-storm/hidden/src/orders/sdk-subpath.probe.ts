// Bug: imports a sub-path of the SDK package from the orders module.
import { AcmeTimeoutError } from '@acme/bank-sdk/errors';

export const wasTimeout = (error: unknown) => error instanceof AcmeTimeoutError;
