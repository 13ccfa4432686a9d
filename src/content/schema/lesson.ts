import { z } from 'astro/zod';

/**
 * The two pillars, the capstone that combines them, and owning what they built once it runs in production.
 * Order here is the order on the home page.
 */
export const TRACKS = ['code-quality', 'architecture-ownership', 'capstone', 'production-ownership'] as const;
export type Track = (typeof TRACKS)[number];

/** A slug: lowercase words joined by hyphens, as used in URLs and file names. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase words joined by hyphens, e.g. "lint-for-bugs"');

/** A cited source. Lessons must name where their claims come from so a reader can check them. */
export const sourceSchema = z
  .object({
    /** What the source is called, as a reader would search for it. */
    title: z.string().min(3),
    /** Where to read it. */
    url: z.url(),
    /** True for a primary source (paper, official docs, the author's own text) rather than commentary. */
    primary: z.boolean().default(true),
  })
  .strict();

/** Frontmatter of a lesson in content/lessons/*.mdx. Strict: an unknown key is a typo, not data. */
export const lessonSchema = z
  .object({
    /** Page title and the name in the sidebar; keep it short enough for one line there. */
    title: z.string().min(3).max(80),
    /** One or two sentences for the track listing, search results and the meta description. */
    description: z.string().min(20).max(300),
    /** Which track the lesson belongs to. */
    track: z.enum(TRACKS),
    /** Position within the track, from 1; two lessons of one track may not share it. */
    order: z.number().int().positive(),
    /** Honest time to read and do the exercises, in minutes, shown on the track page. */
    estimatedMinutes: z.number().int().min(5).max(240),
    /** What the learner can do afterwards, each an observable skill ("write …", "explain …"). */
    objectives: z.array(z.string().min(10)).min(2).max(6),
    /** Ids of lessons to read first (file names without extension); checked to exist at build time. */
    prerequisites: z.array(slug).default([]),
    /** Where the ideas come from; at least one, shown at the end of the lesson. */
    sources: z
      .array(sourceSchema)
      .min(1, 'a lesson must cite at least one source')
      .refine((list) => list.some((s) => s.primary), 'cite at least one primary source'),
    /** Exercise slugs (folders under exercises/) this lesson embeds, in the order they appear. */
    exercises: z.array(slug).default([]),
    /** Drafts build in `npm start` but are left out of the production build and of navigation. */
    draft: z.boolean().default(false),
  })
  .strict();

export type LessonFrontmatter = z.infer<typeof lessonSchema>;
