/** A mistake the person at the terminal can fix; printed as its message alone, without a stack trace. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
