import type { z } from 'astro/zod';
import type { ExerciseBundle } from '../exercise/bundle.ts';
import type { Files } from './toolchain.ts';

/**
 * Reads a check's answer key from the bundle's fixtures. A missing or malformed key is the author's
 * mistake (or the key was not fetched), so it throws: the check reports `error`, never a learner's fail.
 */
export function readAnswerKey<S extends z.ZodType>(bundle: ExerciseBundle, path: string, schema: S): z.infer<S> {
  const text = bundle.fixtures[path];
  if (text === undefined) throw new Error(`the answer key ${path} is not loaded`);
  const result = schema.safeParse(parseJson(text, path));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** The learner's answer file, or the reason it cannot be read: that is theirs to fix, so it is a fail. */
export function readAnswer<S extends z.ZodType>(
  workspace: Files,
  path: string,
  schema: S,
): { answer: z.infer<S> } | { problem: string } {
  const text = workspace[path];
  if (text === undefined || text.trim() === '') return { problem: `${path} is empty: nothing was answered yet.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `${path} is not valid JSON: ${(error as Error).message}` };
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    return { problem: `${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}` };
  }
  return { answer: result.data };
}

function parseJson(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
