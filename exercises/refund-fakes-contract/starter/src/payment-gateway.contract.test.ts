import { HttpPaymentGateway } from './http-payment-gateway';
import { InMemoryPaymentGateway } from './in-memory-payment-gateway';
import { paymentGatewayContract } from './payment-gateway.contract';
import { ProviderSandbox } from './provider-sandbox';

paymentGatewayContract('in-memory fake', () => {
  const fake = new InMemoryPaymentGateway();
  return { gateway: fake, addCharge: (c) => fake.addCharge(c), addRefund: (r) => fake.addRefund(r) };
});

paymentGatewayContract('HTTP adapter against the provider sandbox', () => {
  const sandbox = new ProviderSandbox();
  return {
    gateway: new HttpPaymentGateway(sandbox),
    addCharge: (c) =>
      sandbox.addCharge({ id: c.id, amount: c.amountCents, currency: c.currency === 'EUR' ? 'eur' : 'usd', status: c.status }),
    addRefund: (r) => sandbox.addRefund({ id: r.id, charge: r.chargeId, amount: r.amountCents, status: r.status }),
  };
});
