import { HttpPaymentGateway } from '../src/http-payment-gateway';
import type { Charge, Refund } from '../src/payment-gateway';
import { ProviderSandbox } from '../src/provider-sandbox';

/** The real adapter over the provider's sandbox, seeded in our terms: the behaviour a fake must match. */
export function provider() {
  const sandbox = new ProviderSandbox();
  return {
    gateway: new HttpPaymentGateway(sandbox),
    addCharge: (c: Charge) =>
      sandbox.addCharge({ id: c.id, amount: c.amountCents, currency: c.currency === 'EUR' ? 'eur' : 'usd', status: c.status }),
    addRefund: (r: Refund) => sandbox.addRefund({ id: r.id, charge: r.chargeId, amount: r.amountCents, status: r.status }),
  };
}
