interface Mailer {
  send(to: string, subject: string): Promise<void>;
}

// Correct code your gate must not flag: a best-effort email, marked with `void` and its failure logged.
export function sendReceipt(mailer: Mailer, to: string, log: (message: string) => void): void {
  void mailer.send(to, 'Your receipt').catch((error: unknown) => log(`receipt email failed: ${String(error)}`));
}
