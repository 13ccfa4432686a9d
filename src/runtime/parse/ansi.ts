// CSI sequences (colours, cursor moves) and OSC hyperlinks, as emitted by Vitest, ESLint and chalk-likes.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Removes terminal colour codes so messages read the same in the browser, a log file or a test. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
