import { BankTimeoutError, BankUnavailableError, type Bank, type BankReply, type ChargeRequest } from './bank';

export type Scripted = 'approve' | 'decline' | 'timeout' | 'unavailable';

/**
 * A bank for tests that answers from a script, one step per call: `new FakeBank('unavailable', 'approve')`
 * answers 503 to the first call and approves the second. Calls past the script are approved.
 */
export class FakeBank implements Bank {
  /** Every request received, in order, so tests can check what was sent and how often. */
  readonly requests: ChargeRequest[] = [];
  private readonly script: Scripted[];

  constructor(...script: Scripted[]) {
    this.script = script;
  }

  async charge(request: ChargeRequest): Promise<BankReply> {
    this.requests.push({ ...request });
    const step = this.script.shift() ?? 'approve';
    switch (step) {
      case 'approve':
        return { outcome: 'approved', bankReference: `bank-${this.requests.length}` };
      case 'decline':
        return { outcome: 'declined', reason: 'insufficient_funds' };
      case 'timeout':
        throw new BankTimeoutError('no answer within 3 s');
      case 'unavailable':
        throw new BankUnavailableError(503);
    }
  }
}
