import { expect, test } from 'vitest';

class Account {
  readonly created = 'now';
  constructor(
    public readonly owner: string,
    private balance = 0,
    protected currency = 'EUR',
  ) {}
  describe(): string {
    return `${this.owner}: ${this.balance} ${this.currency} (${this.created})`;
  }
}

test('parameter properties become fields, in order with initialisers', () => {
  const account = new Account('ada', 5);
  expect(account.describe()).toBe('ada: 5 EUR (now)');
  expect(Object.keys(account)).toEqual(['owner', 'balance', 'currency', 'created']);
});
