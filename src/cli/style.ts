import { styleText } from 'node:util';

type Colour = 'green' | 'red' | 'yellow' | 'cyan' | 'dim' | 'bold';

/**
 * Colours only where a person reads them: styleText checks the stream is a TTY and honours NO_COLOR and
 * FORCE_COLOR, so piped output and CI logs stay plain.
 */
export function paint(colour: Colour, text: string, stream: NodeJS.WriteStream = process.stdout): string {
  return styleText(colour, text, { stream });
}

export const mark = {
  pass: (): string => paint('green', '✓'),
  fail: (): string => paint('red', '✗'),
  other: (): string => paint('yellow', '!'),
};
