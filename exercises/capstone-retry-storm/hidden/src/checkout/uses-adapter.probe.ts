// Clean: checkout talks to the bank only through the adapter.
import { createBankAdapter, DEFAULT_POLICY } from '../adapters/bank/bank-adapter';

export const adapterFactory = { createBankAdapter, DEFAULT_POLICY };
