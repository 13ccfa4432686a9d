import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonSchema } from './content/schema/lesson.ts';
import { exerciseSchema } from './content/schema/exercise.ts';

// Content lives at the top level (content/, exercises/) so authors never touch src/.
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: lessonSchema,
});

const exercises = defineCollection({
  loader: glob({
    pattern: '*/exercise.yaml',
    base: './exercises',
    generateId: ({ entry }) => entry.split('/')[0] ?? entry,
  }),
  schema: exerciseSchema,
});

export const collections = { lessons, exercises };
