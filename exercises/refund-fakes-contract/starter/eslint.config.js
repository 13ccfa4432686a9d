const callAssertion =
  'Assert on the outcome and on what the gateway now holds: this service has no effect that only a call can show.';

export default [
  {
    files: ['src/in-memory-payment-gateway.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['./provider-sandbox', './http-payment-gateway', './transport'],
              message:
                'The fake stands on its own: wrapping the sandbox or the HTTP adapter makes the service tests depend on the provider again.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/refund-service.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { property: 'toHaveBeenCalled', message: callAssertion },
        { property: 'toHaveBeenCalledWith', message: callAssertion },
        { property: 'toHaveBeenCalledTimes', message: callAssertion },
        { property: 'toHaveBeenCalledBefore', message: callAssertion },
        { property: 'toHaveBeenCalledAfter', message: callAssertion },
        { property: 'toHaveBeenLastCalledWith', message: callAssertion },
        { property: 'toHaveBeenNthCalledWith', message: callAssertion },
        { property: 'toHaveBeenCalledOnce', message: callAssertion },
        { property: 'toHaveBeenCalledExactlyOnceWith', message: callAssertion },
        { object: 'vi', property: 'fn', message: 'Use InMemoryPaymentGateway instead of a mock.' },
        { object: 'vi', property: 'spyOn', message: 'Use InMemoryPaymentGateway instead of a spy.' },
      ],
    },
  },
];
