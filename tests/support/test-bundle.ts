import type { z } from 'astro/zod';
import { exerciseSchema } from '../../src/content/schema/exercise.ts';
import type { ExerciseBundle } from '../../src/runtime/exercise/bundle.ts';

type ExerciseInput = z.input<typeof exerciseSchema>;

/** What a test says about its exercise: files and checks, and any field it depends on (engine, timeoutMs…). */
export type TestExerciseFields = Pick<ExerciseInput, 'files' | 'checks'> & Partial<ExerciseInput>;

export interface TestBundleParts {
  slug?: string;
  meta: TestExerciseFields;
  starter?: ExerciseBundle['starter'];
  hidden?: ExerciseBundle['hidden'];
  solution?: ExerciseBundle['solution'];
  fixtures?: ExerciseBundle['fixtures'];
}

/**
 * A bundle made in a test, with its meta parsed by the exercise schema as exercise.yaml is: a test cannot
 * hand an engine a bundle no author could write, and a new field's default reaches it. The fields a test
 * does not care about (title, summary, lesson, hints…) get plain values; missing folders are empty.
 */
export function testBundle(parts: TestBundleParts): ExerciseBundle {
  return {
    slug: parts.slug ?? 'demo',
    meta: exerciseSchema.parse({
      title: 'Demo',
      summary: 'An exercise a test builds for itself.',
      lesson: 'demo',
      difficulty: 'intro',
      estimatedMinutes: 1,
      hints: ['The first hint of a test exercise.', 'The second hint of a test exercise.'],
      ...parts.meta,
    }),
    starter: parts.starter ?? {},
    hidden: parts.hidden ?? {},
    solution: parts.solution ?? {},
    fixtures: parts.fixtures ?? {},
  };
}
