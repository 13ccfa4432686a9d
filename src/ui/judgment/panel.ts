/** One answer form of a judgment exercise (a review, a decision matrix, an impact checklist). */
export interface AnswerPanel {
  element: HTMLElement;
  /** The workspace file the answer is saved to and graded from, e.g. "review.json". */
  file: string;
  /** The answer as that file's text (JSON). */
  value(): string;
}

/** Parses a saved or starter answer; a broken one falls back to `fallback` so the form still opens. */
export function parseAnswer<T>(text: string | undefined, fallback: T): T {
  if (text === undefined) return fallback;
  try {
    return { ...fallback, ...(JSON.parse(text) as T) };
  } catch {
    return fallback;
  }
}

let nextId = 0;
/** A page-unique id for label/for pairs: several exercises can sit on one lesson page. */
export function uid(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}
