import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/content/schema/lesson.ts';

const root = resolve(import.meta.dirname, '../..');
const validLesson = `---
title: A lesson that validates
description: A description long enough to pass the schema's minimum length.
track: code-quality
order: 1
estimatedMinutes: 20
objectives:
  - Explain why the build checks frontmatter
  - Name the field that is wrong
sources:
  - title: ESLint documentation
    url: https://eslint.org/docs/latest/
---

Body.
`;

const projects: string[] = [];
afterAll(() => projects.forEach((p) => rmSync(p, { recursive: true, force: true })));

/** A throwaway copy of the site's content layer with one lesson, validated by the real `astro sync`. */
function syncWithLesson(fileName: string, source: string): { status: number | null; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'craftpath-lesson-'));
  projects.push(dir);
  mkdirSync(join(dir, 'content/lessons'), { recursive: true });
  mkdirSync(join(dir, 'exercises'));
  // The site's real config and source (the config imports from src/), with only the content replaced.
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(join(root, f), join(dir, f));
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'content/lessons', fileName), source);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'sync'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('lesson frontmatter fails the build with the file and field named', () => {
  it('accepts a valid lesson (so the failures below are about the field, not the setup)', () => {
    const { status, output } = syncWithLesson('good.mdx', validLesson);
    expect(output).not.toMatch(/InvalidContentEntryDataError/);
    expect(status).toBe(0);
  });

  it('a misspelled field is rejected, naming the file, the typo and the missing field', () => {
    const { status, output } = syncWithLesson(
      'typo-lesson.mdx',
      validLesson.replace('estimatedMinutes:', 'estimatedMinuts:'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain('content/lessons/typo-lesson.mdx');
    expect(output).toContain('Unrecognized key: "estimatedMinuts"');
    expect(output).toMatch(/estimatedMinutes\W+.*Required|estimatedMinutes.*expected number/);
  });

  it('a missing field is rejected, naming the file and the field', () => {
    const { status, output } = syncWithLesson('no-track.mdx', validLesson.replace('track: code-quality\n', ''));
    expect(status).not.toBe(0);
    expect(output).toContain('content/lessons/no-track.mdx');
    expect(output).toMatch(/track\W+.*(Required|Invalid option)/);
  });
});

describe('lesson schema rules', () => {
  const base = {
    title: 'Title here',
    description: 'A description that is long enough.',
    track: 'code-quality',
    order: 1,
    estimatedMinutes: 20,
    objectives: ['Objective number one', 'Objective number two'],
    sources: [{ title: 'A source', url: 'https://example.org/' }],
  };

  it('requires at least one source, and at least one primary source', () => {
    expect(lessonSchema.safeParse({ ...base, sources: [] }).success).toBe(false);
    const onlyCommentary = lessonSchema.safeParse({ ...base, sources: [{ ...base.sources[0], primary: false }] });
    expect(onlyCommentary.success).toBe(false);
    expect(onlyCommentary.error?.issues[0]?.message).toBe('cite at least one primary source');
    expect(lessonSchema.safeParse(base).success).toBe(true);
  });

  it('rejects an unknown track and a non-slug prerequisite', () => {
    expect(lessonSchema.safeParse({ ...base, track: 'devops' }).success).toBe(false);
    const bad = lessonSchema.safeParse({ ...base, prerequisites: ['Not A Slug'] });
    expect(bad.error?.issues[0]?.path).toEqual(['prerequisites', 0]);
  });
});
