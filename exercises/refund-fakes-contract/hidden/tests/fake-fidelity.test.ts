import { InMemoryPaymentGateway } from '../src/in-memory-payment-gateway';
import { paymentGatewayContract } from './reference-contract';

// The provider's behaviour, as the reference contract pins it down, checked against your fake.
paymentGatewayContract('your InMemoryPaymentGateway behaves like the provider', () => {
  const fake = new InMemoryPaymentGateway();
  return { gateway: fake, addCharge: (c) => fake.addCharge(c), addRefund: (r) => fake.addRefund(r) };
});
