// Bug: a job two folders down reaches the SDK's index file directly.
import { AcmeRateLimitedError } from '../../vendor/acme-bank-sdk/index';

export const backOffOn = (error: unknown) => error instanceof AcmeRateLimitedError;
