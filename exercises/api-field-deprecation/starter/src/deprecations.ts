/**
 * The deprecation of `customerId`, as announced to API clients: from `deprecatedAt` responses still carry
 * it but say it is deprecated; from `sunsetAt` it is gone. `docs` explains the migration to `buyerId`.
 */
export const CUSTOMER_ID_DEPRECATION = {
  field: 'customerId',
  replacedBy: 'buyerId',
  deprecatedAt: Date.parse('2026-04-01T00:00:00Z'),
  sunsetAt: Date.parse('2026-10-01T00:00:00Z'),
  docs: 'https://api.example.com/docs/deprecations/customer-id',
} as const;
