// Bug: checkout imports the SDK package to classify the processor's errors itself, outside the adapter.
import { AcmeTimeoutError } from '@acme/bank-sdk';

export const isSlowBank = (error: unknown) => error instanceof AcmeTimeoutError;
