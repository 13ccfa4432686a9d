import { now } from './clock.ts';

export function stamp(text: string): string {
  return `${text}@${now()}`;
}
