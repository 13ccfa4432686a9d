// Clean: the bank adapter is the one place allowed to use the SDK.
import { AcmeServerError } from '../../vendor/acme-bank-sdk';

export const isServerError = (error: unknown) => error instanceof AcmeServerError;
