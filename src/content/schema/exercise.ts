import { z } from 'astro/zod';
import { slug } from './lesson.ts';
import type { OVERRIDABLE_COMPILER_OPTIONS } from '../../runtime/typecheck/compiler-options.ts';

/**
 * Metadata of an exercise: exercises/<slug>/exercise.yaml. The folder beside it holds
 *   starter/   what the learner gets: the files listed in `files` with role editable or readonly,
 *   hidden/    files with role hidden (hidden tests), laid over the workspace at check time, never shown,
 *   solution/  the reference: files that replace starter files (an overlay, so unchanged files stay single),
 *   fixtures/  what checks need outside the workspace: answer keys, and overlay folders of wrong solutions
 *              holding only the files that differ from solution/ (exercise-relative paths).
 * Wrong solutions and mutants are differences from the reference (overlays and find/replace edits), never
 * copies: src/runtime/exercise/fixture-edits.ts composes them.
 */

/** A path inside the exercise workspace: relative, forward slashes, no "..". */
const workspacePath = z
  .string()
  .regex(
    /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[\w.@/-]+$/,
    'use a relative path inside the exercise, e.g. "src/refund.ts"',
  );

export const fileSchema = z
  .object({
    /** Path inside the workspace, e.g. "src/refund.ts". */
    path: workspacePath,
    /** editable: the learner changes it; readonly: shown but locked; hidden: never shown (hidden tests, fixtures). */
    role: z.enum(['editable', 'readonly', 'hidden']),
  })
  .strict();

const checkBase = {
  /** Stable id, unique in the exercise; reports and progress refer to it. */
  id: slug,
  /** Heading in the results panel. */
  title: z.string().min(3),
};

/** ESLint with the exercise's own flat config, on the listed files. */
export const lintCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('lint'),
    /** Flat config file in the workspace (plain JS, core rules only, so the worker engine can run it too). */
    config: workspacePath.default('eslint.config.js'),
    /** Files to lint, as workspace paths. */
    files: z.array(workspacePath).min(1),
    /**
     * Fixture expectations for config-writing exercises: files that must get at least one problem from
     * the named rule (bug fixtures), and files that must get none (clean fixtures, so false positives fail).
     */
    expect: z
      .array(
        z
          .object({
            /** Workspace path of the fixture file. */
            file: workspacePath,
            /** Rule that must fire on it; omit to require no problems at all. */
            rule: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
    /** Warnings count as failures unless this is raised; errors always fail. */
    maxWarnings: z.number().int().nonnegative().default(0),
    /**
     * Lint with a TypeScript program, so the config may turn on typescript-eslint's type-aware rules
     * (`@typescript-eslint/no-floating-promises`, …) and TypeScript files are parsed as TypeScript in
     * every engine. Costs a compile; in the browser it loads the TypeScript payload, which is why it is
     * declared here and not guessed from the config.
     */
    typeAware: z.boolean().default(false),
  })
  .strict();

/** `tsc --noEmit` over the listed files and what they import (src/runtime/checks/typecheck.ts). */
export const typecheckCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('typecheck'),
    /** Root files of the program, as workspace paths; the files they import are checked too. */
    files: z.array(workspacePath).min(1),
    /**
     * Compiler options that differ from the engine's (strict, ES2022, bundler resolution; see
     * src/runtime/typecheck/compiler-options.ts). Only these flags may change: the rest decide what
     * the browser must download and how modules resolve, which every exercise shares.
     */
    compilerOptions: z
      .object({
        /** All strict-family checks (on by default); off only for a lesson about what they catch. */
        strict: z.boolean().optional(),
        /** `array[i]` and `record[key]` may be undefined. */
        noUncheckedIndexedAccess: z.boolean().optional(),
        /** `prop?: T` does not accept an explicit `undefined`. */
        exactOptionalPropertyTypes: z.boolean().optional(),
        /** Every code path of a function with a return type returns. */
        noImplicitReturns: z.boolean().optional(),
        /** Overriding members say `override`. */
        noImplicitOverride: z.boolean().optional(),
        /** A non-empty `case` must not fall through. */
        noFallthroughCasesInSwitch: z.boolean().optional(),
        /** Index-signature properties are read with brackets, not dots. */
        noPropertyAccessFromIndexSignature: z.boolean().optional(),
        /** A caught value is `unknown`, not `any` (part of strict). */
        useUnknownInCatchVariables: z.boolean().optional(),
      } satisfies Record<(typeof OVERRIDABLE_COMPILER_OPTIONS)[number], z.ZodOptional<z.ZodBoolean>>)
      .strict()
      .default({}),
  })
  .strict();

/** Vitest on test files (hidden ones from tests/ and visible ones the learner sees). */
export const testsCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('tests'),
    /** Test files to run, as workspace paths. */
    files: z.array(workspacePath).min(1),
    /**
     * If set, the files run `runs` times in Vitest's shuffled order (files and the tests of each suite),
     * one seed per run, and every run must pass: tests that lean on each other's state pass in declared
     * order and fail here. The failing run's seed is reported so the learner can replay it.
     */
    /**
     * Workspace paths that keep their starter version for this run, whatever the learner wrote: grades an
     * intermediate step of a migration ("readers first": the consumers changed, the provider not yet), so
     * each step a lesson promises is deployable is tested, not only the end state.
     */
    starterFiles: z.array(workspacePath).default([]),
    shuffle: z
      .object({
        /** How many shuffled runs, each with its own seed. */
        runs: z.number().int().min(1).max(10).default(3),
        /** First seed (runs use seed, seed+1, …) so a grade can be reproduced; omitted: fresh seeds each time. */
        seed: z
          .number()
          .int()
          .nonnegative()
          .max(2 ** 31)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Text to find in a file and what replaces it; `find` must occur exactly once, so an edit cannot drift. */
const findReplace = {
  /** The exact text to replace (whitespace and line breaks included); it must occur exactly once. */
  find: z.string().min(1),
  /** What stands in its place (may be empty, to delete `find`). */
  replace: z.string(),
};

/** One find/replace edit on a workspace file of the solution. */
export const fileEditSchema = z
  .object({
    /** Workspace path of the edited file, e.g. "src/checkout.ts". */
    file: workspacePath,
    ...findReplace,
  })
  .strict();
export type FileEdit = z.infer<typeof fileEditSchema>;

/** A bug planted in the reference subject of a learner-tests check; the learner's tests must catch it. */
export const mutantSchema = z
  .object({
    /** Stable id, unique in the check; reports and progress refer to it, e.g. "no-cap". */
    id: slug,
    /** What the mutant gets wrong, shown when it survives ("refund above the charge is allowed"). */
    description: z.string().min(5),
    ...findReplace,
  })
  .strict();
export type Mutant = z.infer<typeof mutantSchema>;

/** The learner's own tests must pass on the reference and fail on every mutant. */
export const learnerTestsCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('learner-tests'),
    /** The learner's test files. */
    tests: z.array(workspacePath).min(1),
    /** The file under test, swapped for the reference and then for each mutant. */
    subject: workspacePath,
    /** Mutants: small bugs written as find/replace edits on the reference subject, each with what it breaks. */
    mutants: z.array(mutantSchema).min(1),
  })
  .strict();

/** Structure of a Markdown document such as an ADR. */
export const documentCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('document'),
    /** The Markdown file, as a workspace path. */
    file: workspacePath,
    /** Headings that must be present (any level, case-insensitive). */
    requiredHeadings: z.array(z.string()).default([]),
    /** If set, a "Status:" line or a Status section must hold one of these values. */
    statusValues: z.array(z.string()).optional(),
    /** Minimum number of Markdown tables. */
    minTables: z.number().int().nonnegative().default(0),
    /** If set, the section with this heading must list at least `min` options, each with a downside ("Bad:"). */
    options: z
      .object({
        /** Heading of the options section, e.g. "Considered options" (any level, case-insensitive). */
        heading: z.string().min(1),
        /** How many options it must list (numbered items or subheadings). */
        min: z.number().int().min(1).default(2),
      })
      .strict()
      .optional(),
    /** If set, every figure quoted with a unit of the data set must be within `tolerance` of one of its values. */
    figures: z
      .object({
        /** Workspace path of the data set: JSON `{ "figures": [{ "name", "value", "unit" }] }`. */
        data: workspacePath,
        /** Allowed relative difference, e.g. 0.1 for 10%. */
        tolerance: z.number().positive().max(1).default(0.1),
        /** How many different figures of the data set the document must quote at least. */
        min: z.number().int().nonnegative().default(1),
        /**
         * Names of data-set figures the document must quote (the run that decides it, not a nearby one):
         * a value that is in the data but from the wrong row passes `figures-match` and fails here.
         */
        mustQuote: z.array(z.string().min(1)).default([]),
      })
      .strict()
      .optional(),
    /** If set, the consequences section must name a real downside and quote a figure someone can check later. */
    consequences: z
      .object({
        /** Heading of the consequences section, e.g. "Consequences". */
        heading: z.string().min(1),
      })
      .strict()
      .optional(),
    /** If set, the first line of the decision section must choose one of the options that meet the constraints. */
    decision: z
      .object({
        /** Heading of the decision section, e.g. "Decision outcome". */
        heading: z.string().min(1),
        /** Words that name an acceptable choice ("redis", "option 3"), case-insensitive. */
        chooses: z.array(z.string().min(2)).min(1),
      })
      .strict()
      .optional(),
    /** If set, the section with this heading must name one of these test files or a test title inside them. */
    confirmation: z
      .object({
        /** Heading of the confirmation section, e.g. "Confirmation". */
        heading: z.string().min(1),
        /** Test files (workspace paths) that a `tests` check runs, so a named test is known to pass. */
        tests: z.array(workspacePath).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();

/** No import cycles among files, or between the modules they sit in (src/runtime/checks/import-cycles.ts). */
export const importCyclesCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('import-cycles'),
    /** The files whose relative imports form the graph; imports of packages or of other files are ignored. */
    files: z.array(workspacePath).min(1),
    /**
     * If set, files are grouped by the folder right below this one ("src/modules" makes feeds, profiles, …
     * the nodes) and only cycles between those modules count; omitted: any cycle between files counts.
     */
    modulesUnder: workspacePath.optional(),
    /** Whether `import type` counts: a cycle of types still ties two modules' changes together. */
    typeImports: z.boolean().default(true),
  })
  .strict();

/** An answer key: an exercise-relative JSON file under fixtures/, never shipped with the page (see README). */
const answerKeyPath = z
  .string()
  .regex(/^fixtures\/[\w.@/-]+\.json$/, 'use a JSON file under fixtures/, e.g. "fixtures/key/review.json"');

/** An option, criterion or consumer the learner's answer refers to by id. */
const choice = z
  .object({
    /** Stable id used in the learner's JSON answer and in the answer key. */
    id: slug,
    /** What the learner sees. */
    label: z.string().min(1),
  })
  .strict();

/** A review of a seeded pull request, graded against seeded defects (src/runtime/checks/review.ts). */
export const reviewCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('review'),
    /** The learner's review as JSON (comments and a decision), an editable workspace file the review form writes. */
    file: workspacePath,
    /** Readonly Markdown describing the pull request, shown above the diff. */
    description: workspacePath.optional(),
    /** The changed files: the name shown and comments anchor to, and readonly workspace files before and after. */
    diff: z
      .array(
        z
          .object({
            /** Path as the pull request names it; comments and defects refer to it. */
            path: z.string().min(1),
            /** Workspace path of the file before the change. */
            before: workspacePath,
            /** Workspace path of the file after the change; comment lines count in this version. */
            after: workspacePath,
          })
          .strict(),
      )
      .min(1),
    /** The seeded defects, praise spots and fitting decisions (schema: src/runtime/checks/review-key.ts). */
    answerKey: answerKeyPath,
  })
  .strict();

/** A decision matrix: pick an option that meets every hard constraint, quoting the data right. */
export const decisionCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('decision'),
    /** The learner's matrix and pick as JSON, an editable workspace file the matrix form writes. */
    file: workspacePath,
    /** The options, one row each. */
    options: z.array(choice).min(2),
    /** The criteria, one column each; the learner quotes a figure per option. */
    criteria: z
      .array(
        choice.extend({
          /** Unit of the figure, shown in the column header, e.g. "ms" or "USD/month". */
          unit: z.string().min(1),
        }),
      )
      .min(1),
    /** True figures, hard constraints and explanations (schema: src/runtime/checks/decision-key.ts). */
    answerKey: answerKeyPath,
  })
  .strict();

/** Impact prediction: mark the consumers a proposed change breaks; scored by precision and recall. */
export const impactCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('impact'),
    /** The learner's marks as JSON, an editable workspace file the checklist writes. */
    file: workspacePath,
    /** Every consumer in the dependency graph, in the order listed. */
    consumers: z.array(choice).min(2),
    /** Which consumers break and why, with thresholds (schema: src/runtime/checks/impact-key.ts). */
    answerKey: answerKeyPath,
  })
  .strict();

/**
 * Calls with a confidence: per item (a small diff, a claim) a decision, a reason code and how sure the
 * learner is; graded by the mean Brier score against the key (src/runtime/checks/calibration.ts).
 */
export const calibrationCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('calibration'),
    /** The learner's calls as JSON, an editable workspace file the calibration form writes. */
    file: workspacePath,
    /** The items to call, in the order shown. */
    items: z
      .array(
        choice.extend({
          /** Readonly workspace file that shows the item (a diff, a claim with its figures), if any. */
          material: workspacePath.optional(),
        }),
      )
      .min(2),
    /** The decisions one may make on each item, e.g. approve and request changes. */
    decisions: z.array(choice).min(2),
    /** The reason codes one may give, e.g. "install script added", "maintainer changed". */
    reasons: z.array(choice).min(2),
    /** The confidences offered, 0..1, lowest first; 0.5 is a coin flip between two decisions. */
    confidences: z.array(z.number().min(0).max(1)).min(2).default([0.5, 0.6, 0.7, 0.8, 0.9, 1]),
    /** The bar: the mean Brier score must be at or under it (0.25 is what always answering 50% scores). */
    maxBrier: z.number().positive().max(1),
    /** The right decision and reasons per item (schema: src/runtime/checks/calibration-key.ts). */
    answerKey: answerKeyPath,
  })
  .strict();

/**
 * A design-document critique: mark seeded defects by anchor (a section or claim of the document) and defect
 * type; scored by precision and recall against the key (src/runtime/checks/critique.ts).
 */
export const critiqueCheckSchema = z
  .object({
    ...checkBase,
    kind: z.literal('critique'),
    /** The learner's marks as JSON, an editable workspace file the critique form writes. */
    file: workspacePath,
    /** The readonly Markdown document under critique. */
    document: workspacePath,
    /** Places in the document a defect can sit at, in reading order (e.g. "§4 Rollout: 'halves p99'"). */
    anchors: z.array(choice).min(2),
    /** The defect types one may mark, e.g. "no alternatives", "unfalsifiable number", "stale status". */
    defectTypes: z.array(choice).min(2),
    /** The seeded defects and the thresholds (schema: src/runtime/checks/critique-key.ts). */
    answerKey: answerKeyPath,
  })
  .strict();

export const checkSchema = z.discriminatedUnion('kind', [
  lintCheckSchema,
  testsCheckSchema,
  learnerTestsCheckSchema,
  documentCheckSchema,
  reviewCheckSchema,
  decisionCheckSchema,
  impactCheckSchema,
  calibrationCheckSchema,
  critiqueCheckSchema,
  importCyclesCheckSchema,
  typecheckCheckSchema,
]);
export type CheckSpec = z.infer<typeof checkSchema>;

/**
 * A plausible wrong answer: solution/ with the files of `overlay` laid over it, then `edits` applied in
 * order. verify proves that the check `caughtBy` fails on it, in the Node engine and in the worker engine.
 */
export const wrongSolutionSchema = z
  .object({
    /** Stable kebab-case id, unique in the exercise; verify's messages name it. */
    id: slug,
    /** The mistake it represents, for authors reading verify's output. */
    mistake: z.string().min(5),
    /** Id of the check that must fail on it (verify fails if that check passes or cannot run). */
    caughtBy: slug,
    /** Exercise-relative folder, e.g. "fixtures/wrong/retries-forever", holding only files that differ from solution/. */
    overlay: z
      .string()
      .regex(/^fixtures\/[\w.@/-]+$/, 'use a folder under fixtures/, e.g. "fixtures/wrong/retries-forever"')
      .optional(),
    /** Find/replace edits on the solution (after the overlay), for mistakes of a line or two. */
    edits: z.array(fileEditSchema).default([]),
  })
  .strict()
  .refine((w) => w.overlay !== undefined || w.edits.length > 0, {
    message: 'give an overlay folder, edits, or both: otherwise it is the solution itself',
  });
export type WrongSolution = z.infer<typeof wrongSolutionSchema>;

export const exerciseSchema = z
  .object({
    /** Shown above the editor. */
    title: z.string().min(3).max(80),
    /** The goal in one or two sentences: what "done" means for the learner. */
    summary: z.string().min(20).max(400),
    /** Lesson id (file name under content/lessons without extension) that embeds it. */
    lesson: slug,
    /** intro: one idea; core: the lesson's main skill; stretch: combines ideas or needs judgment. */
    difficulty: z.enum(['intro', 'core', 'stretch']),
    /** Honest time to finish, in minutes. */
    estimatedMinutes: z.number().int().min(1).max(120),
    /** worker: instant in-browser checks; webcontainer: needs Node in the browser; auto: worker while typing, Node on submit. */
    engine: z.enum(['worker', 'webcontainer', 'auto']).default('auto'),
    /** Files of the workspace and who may see or change them; the first editable file opens first. */
    files: z.array(fileSchema).min(1),
    /** What is graded, in the order shown. */
    checks: z.array(checkSchema).min(1),
    /** Progressive hints, revealed one at a time (Markdown). */
    hints: z.array(z.string().min(10)).min(2),
    /** Time limit of one whole check run, in milliseconds; a run past it is stopped and reported. */
    timeoutMs: z.number().int().min(500).max(120_000).default(10_000),
    /** False only when the starter is meant to pass already (for example a refactoring exercise). */
    starterFails: z.boolean().default(true),
    /** Plausible wrong answers, each the solution with a few files or lines changed, that verify must see fail. */
    wrongSolutions: z.array(wrongSolutionSchema).default([]),
  })
  .strict()
  .superRefine((ex, ctx) => {
    const paths = new Set(ex.files.map((f) => f.path));
    if (!ex.files.some((f) => f.role === 'editable')) {
      ctx.addIssue({ code: 'custom', path: ['files'], message: 'at least one file must be editable' });
    }
    const ids = new Set<string>();
    ex.checks.forEach((check, i) => {
      if (ids.has(check.id))
        ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], message: `duplicate check id "${check.id}"` });
      ids.add(check.id);
      if (check.kind === 'learner-tests') {
        const mutantIds = new Set<string>();
        check.mutants.forEach((mutant, j) => {
          if (mutantIds.has(mutant.id))
            ctx.addIssue({
              code: 'custom',
              path: ['checks', i, 'mutants', j, 'id'],
              message: `duplicate mutant id "${mutant.id}"`,
            });
          mutantIds.add(mutant.id);
        });
      }
      for (const ref of referencedPaths(check)) {
        if (!paths.has(ref.value))
          ctx.addIssue({
            code: 'custom',
            path: ['checks', i, ...ref.at],
            message: `"${ref.value}" is not listed in files`,
          });
      }
    });
    const wrongIds = new Set<string>();
    ex.wrongSolutions.forEach((wrong, i) => {
      if (wrongIds.has(wrong.id))
        ctx.addIssue({
          code: 'custom',
          path: ['wrongSolutions', i, 'id'],
          message: `duplicate wrong solution id "${wrong.id}"`,
        });
      wrongIds.add(wrong.id);
      if (!ids.has(wrong.caughtBy))
        ctx.addIssue({
          code: 'custom',
          path: ['wrongSolutions', i, 'caughtBy'],
          message: `"${wrong.caughtBy}" is not the id of a check (${[...ids].join(', ')})`,
        });
      wrong.edits.forEach((edit, j) => {
        if (!paths.has(edit.file))
          ctx.addIssue({
            code: 'custom',
            path: ['wrongSolutions', i, 'edits', j, 'file'],
            message: `"${edit.file}" is not listed in files`,
          });
      });
    });
  });

export type Exercise = z.infer<typeof exerciseSchema>;

/** Workspace paths a check reads, with the field each sits in, so a typo is caught and located on load. */
function referencedPaths(check: CheckSpec): { at: (string | number)[]; value: string }[] {
  const list = (field: string, values: readonly string[]) => values.map((value, j) => ({ at: [field, j], value }));
  switch (check.kind) {
    case 'lint':
      return [
        { at: ['config'], value: check.config },
        ...list('files', check.files),
        ...check.expect.map((e, j) => ({ at: ['expect', j, 'file'], value: e.file })),
      ];
    case 'tests':
      return [...list('files', check.files), ...list('starterFiles', check.starterFiles)];
    case 'import-cycles':
    case 'typecheck':
      return list('files', check.files);
    case 'learner-tests':
      return [...list('tests', check.tests), { at: ['subject'], value: check.subject }];
    case 'document':
      return [
        { at: ['file'], value: check.file },
        ...(check.figures ? [{ at: ['figures', 'data'], value: check.figures.data }] : []),
        ...(check.confirmation
          ? list('tests', check.confirmation.tests).map((r) => ({ ...r, at: ['confirmation', ...r.at] }))
          : []),
      ];
    case 'review':
      return [
        { at: ['file'], value: check.file },
        ...(check.description === undefined ? [] : [{ at: ['description'], value: check.description }]),
        ...check.diff.flatMap((d, j) => [
          { at: ['diff', j, 'before'], value: d.before },
          { at: ['diff', j, 'after'], value: d.after },
        ]),
      ];
    case 'decision':
    case 'impact':
      return [{ at: ['file'], value: check.file }];
    case 'calibration':
      return [
        { at: ['file'], value: check.file },
        ...check.items.flatMap((item, j) =>
          item.material === undefined ? [] : [{ at: ['items', j, 'material'], value: item.material }],
        ),
      ];
    case 'critique':
      return [
        { at: ['file'], value: check.file },
        { at: ['document'], value: check.document },
      ];
  }
}
