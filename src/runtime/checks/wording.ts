/** "1 error", "2 errors": summaries are read by people, so counts agree with their nouns. */
export function countLabel(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
