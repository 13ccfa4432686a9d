// Bug: checkout builds its own bank client from the SDK package to "check the charge status directly".
import { AcmeTimeoutError } from '@acme/bank-sdk';

export const isSlowBank = (error: unknown) => error instanceof AcmeTimeoutError;
