import { nextId } from './ids.ts';

export function tag(text: string): string {
  return `${text}#${nextId()}`;
}
