import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AUTHOR_TODO } from '../runtime/exercise/bundle-problems.ts';
import { writeFiles } from '../runtime/engines/node/run-folder.ts';

/**
 * Scaffolds exercises/<slug>/: a small but complete tests-kind exercise, so `verify` shows the whole
 * pipeline working; the prose fields carry TODO(author) markers that verify refuses until replaced.
 */
export async function scaffoldExercise(exercisesDir: string, slug: string): Promise<string> {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))
    throw new Error(`"${slug}" is not a slug: use lowercase words joined by hyphens`);
  const dir = join(exercisesDir, slug);
  if (existsSync(dir)) throw new Error(`${dir} already exists; pick another slug or edit it directly`);
  await writeFiles(dir, {
    'exercise.yaml': yaml(),
    'starter/src/normalize-email.ts': STARTER,
    'solution/src/normalize-email.ts': SOLUTION,
    'hidden/tests/normalize-email.hidden.test.ts': HIDDEN_TEST,
  });
  return dir;
}

const T = AUTHOR_TODO;

function yaml(): string {
  return `# Exercise format: docs/authoring-exercises.md. Run \`npm run exercises -- verify <slug>\` after each edit.
title: '${T}: a short title, shown above the editor'
summary: '${T}: what "done" means for the learner, in one or two sentences.'
lesson: lint-for-bugs # ${T}: the id of the lesson that embeds this exercise
difficulty: intro
estimatedMinutes: 10
files:
  - { path: src/normalize-email.ts, role: editable }
  - { path: tests/normalize-email.hidden.test.ts, role: hidden }
checks:
  - id: hidden-tests
    title: Email addresses are normalised
    kind: tests
    files: [tests/normalize-email.hidden.test.ts]
hints:
  - '${T}: a first nudge that names the idea, not the answer.'
  - '${T}: a more concrete hint.'
# Plausible wrong answers: the solution with a few lines changed (edits) or files replaced (overlay:
# a folder under fixtures/ with only the files that differ). verify proves each fails its caughtBy check.
wrongSolutions:
  - id: lowercases-everything
    mistake: lowercases the local part, which some mail servers treat as case-sensitive
    caughtBy: hidden-tests
    edits:
      - file: src/normalize-email.ts
        find: "return trimmed.slice(0, at) + '@' + trimmed.slice(at + 1).toLowerCase();"
        replace: 'return trimmed.toLowerCase();'
`;
}

const STARTER = `/** Normalises an email address for lookups: trims it and lowercases the domain. */
export function normalizeEmail(input: string): string {
  return input;
}
`;

const SOLUTION = `/** Normalises an email address for lookups: trims it and lowercases the domain. */
export function normalizeEmail(input: string): string {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  if (at === -1) return trimmed;
  return trimmed.slice(0, at) + '@' + trimmed.slice(at + 1).toLowerCase();
}
`;

const HIDDEN_TEST = `import { describe, expect, it } from 'vitest';
import { normalizeEmail } from '../src/normalize-email';

describe('normalizeEmail', () => {
  it('trims surrounding spaces', () => {
    expect(normalizeEmail('  ada@example.com ')).toBe('ada@example.com');
  });
  it('lowercases the domain', () => {
    expect(normalizeEmail('ada@Example.COM')).toBe('ada@example.com');
  });
  it('keeps the local part as typed', () => {
    expect(normalizeEmail('Ada.Lovelace@example.com')).toBe('Ada.Lovelace@example.com');
  });
});
`;
