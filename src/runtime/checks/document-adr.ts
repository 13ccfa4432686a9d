import { z } from 'astro/zod';
import type { CheckItem } from '../report/check-report.ts';
import { findSection, splitOptions } from '../parse/markdown-sections.ts';
import { quotedFigures } from '../parse/quoted-figures.ts';
import { withinTolerance } from './decision-key.ts';
import type { SpecOf } from './kind.ts';
import type { Files } from './toolchain.ts';

type DocumentSpec = SpecOf<'document'>;

/** A downside written the way ADR templates write them: "Bad:", "Downside:", "Cons:", "Drawback:". */
const DOWNSIDE = /\b(bad|downsides?|cons?|drawbacks?|negative)\b\s*[:—-]/i;

/** The data set a document's figures are compared with, a readonly workspace file. */
const dataSetSchema = z
  .object({
    /** Each measured figure, with what it is and its unit. */
    figures: z
      .array(
        z
          .object({
            /** What was measured, e.g. "Redis p99 at 2,000 rps". */
            name: z.string(),
            /** The measured value. */
            value: z.number(),
            /** Unit as it would be quoted after the number ("ms", "rps", "%"), or "USD". */
            unit: z.string(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** At least `min` options in the options section, each with a downside. */
export function optionRules(spec: DocumentSpec, text: string): CheckItem[] {
  const rule = spec.options;
  if (!rule) return [];
  const section = findSection(text, rule.heading);
  const options = section ? splitOptions(section.body) : [];
  const withoutDownside = options.filter((o) => !o.lines.some((l) => DOWNSIDE.test(l)) && !DOWNSIDE.test(o.title));
  const enough = options.length >= rule.min;
  return [
    {
      id: 'options',
      label: `"${rule.heading}" lists at least ${rule.min} options`,
      status: enough ? 'pass' : 'fail',
      file: spec.file,
      ...(section ? { line: section.line } : {}),
      ...(enough
        ? {}
        : {
            message: section
              ? `Found ${options.length}. List each as a numbered item or a subheading.`
              : `Add a "${rule.heading}" section.`,
          }),
    },
    {
      id: 'downsides',
      label: 'Every option names a downside',
      // Judged on its own so one missing option does not hide the downsides the others lack.
      status: options.length > 0 && withoutDownside.length === 0 ? 'pass' : 'fail',
      file: spec.file,
      ...(withoutDownside.length > 0
        ? { message: `Add a "Bad:" line to: ${withoutDownside.map((o) => o.title).join('; ')}.` }
        : options.length === 0
          ? { message: 'Needs the options first.' }
          : {}),
    },
  ];
}

/** Every figure quoted with a unit the data set uses must be within tolerance of a value with that unit. */
export function figureRules(spec: DocumentSpec, text: string, workspace: Files): CheckItem[] {
  const rule = spec.figures;
  if (!rule) return [];
  const raw = workspace[rule.data];
  if (raw === undefined) throw new Error(`the data set ${rule.data} is not in the workspace`);
  const data = dataSetSchema.parse(JSON.parse(raw)).figures.map((f) => ({ ...f, unit: f.unit.toLowerCase() }));
  const units = new Set(data.map((f) => f.unit));
  const quoted = quotedFigures(text).filter((f) => units.has(f.unit));
  const unmatched = quoted.filter(
    (q) => !data.some((d) => d.unit === q.unit && withinTolerance(q.value, d.value, rule.tolerance)),
  );
  const cited = new Set(
    data.filter((d) => quoted.some((q) => q.unit === d.unit && withinTolerance(q.value, d.value, rule.tolerance))),
  );
  const pct = Math.round(rule.tolerance * 100);
  const required = rule.mustQuote.map((name) => {
    const figure = data.find((d) => d.name === name);
    if (!figure) throw new Error(`figures.mustQuote names "${name}", which is not in ${rule.data}`);
    return figure;
  });
  const unquoted = required.filter((r) => !cited.has(r));
  const mustQuote: CheckItem[] =
    required.length === 0
      ? []
      : [
          {
            id: 'figures-deciding',
            label: 'Quotes the figures the decision turns on',
            status: unquoted.length === 0 ? 'pass' : 'fail',
            file: spec.file,
            ...(unquoted.length > 0
              ? {
                  message: `Missing: ${unquoted.map((u) => u.name).join('; ')}. A figure from a nearby row of the data is not the one that decides it.`,
                }
              : {}),
          },
        ];
  return [
    ...mustQuote,
    {
      id: 'figures-match',
      label: `Every figure matches ${rule.data} within ${pct}%`,
      status: unmatched.length === 0 ? 'pass' : 'fail',
      file: spec.file,
      ...(unmatched[0] ? { line: unmatched[0].line } : {}),
      ...(unmatched.length > 0
        ? {
            message: `Not in the data: ${unmatched.map((u) => `"${u.text}" (line ${u.line})`).join(', ')}. Quote the measurement, not a guess.`,
          }
        : {}),
    },
    {
      id: 'figures-quoted',
      label: `Quotes at least ${rule.min} figures from the data`,
      status: cited.size >= rule.min ? 'pass' : 'fail',
      file: spec.file,
      ...(cited.size >= rule.min
        ? {}
        : { message: `Found ${cited.size}. Numbers with their units make a decision checkable.` }),
    },
  ];
}

/** The confirmation section names one of the exercise's test files, or a test title inside one. */
export function confirmationRules(spec: DocumentSpec, text: string, workspace: Files): CheckItem[] {
  const rule = spec.confirmation;
  if (!rule) return [];
  const section = findSection(text, rule.heading);
  const body = (section?.body ?? []).join('\n').toLowerCase();
  const names = rule.tests.flatMap((path) => {
    const titles = [...(workspace[path] ?? '').matchAll(/\b(?:it|test)\(\s*(['"`])(.+?)\1/g)].map((m) => m[2] ?? '');
    return [path, path.split('/').at(-1) ?? path, ...titles].filter((n) => n.length > 3);
  });
  const named = section !== undefined && names.some((n) => body.includes(n.toLowerCase()));
  return [
    {
      id: 'confirmation',
      label: `"${rule.heading}" names a test that runs`,
      status: named ? 'pass' : 'fail',
      file: spec.file,
      ...(section ? { line: section.line } : {}),
      ...(named
        ? {}
        : {
            message: section
              ? `Name one of ${rule.tests.join(', ')} (or a test in it), so anyone can re-check the decision.`
              : `Add a "${rule.heading}" section.`,
          }),
    },
  ];
}

/** "Bad: none", "Cons: nothing expected", "Bad: no real risks": a downside line that names no downside. */
function namesNoDownside(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^\w\s/]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return (
    words.length === 0 ||
    (words.length <= 4 && ['none', 'nothing', 'n/a', 'no', 'minimal', 'negligible'].includes(words[0] ?? ''))
  );
}

/**
 * Consequences someone can check later: at least one real downside ("Bad: none" is not one) and at least
 * one figure with a unit, so that a later reader can tell whether the consequence came true.
 */
export function consequenceRules(spec: DocumentSpec, text: string): CheckItem[] {
  const rule = spec.consequences;
  if (!rule) return [];
  const section = findSection(text, rule.heading);
  const body = section?.body ?? [];
  const downsides = body.flatMap((line) => {
    const m = DOWNSIDE.exec(line);
    return m ? [line.slice((m.index ?? 0) + m[0].length).trim()] : [];
  });
  const real = downsides.filter((d) => !namesNoDownside(d));
  const figures = quotedFigures(body.join('\n'));
  const at = section ? { line: section.line } : {};
  const missing = { message: `Add a "${rule.heading}" section.` };
  return [
    {
      id: 'consequences-downside',
      label: `"${rule.heading}" names a real downside`,
      status: real.length > 0 ? 'pass' : 'fail',
      file: spec.file,
      ...at,
      ...(real.length > 0
        ? {}
        : section
          ? { message: 'Add a "Bad:" line that says what gets worse; "Bad: none" is a claim nobody can test.' }
          : missing),
    },
    {
      id: 'consequences-figure',
      label: `"${rule.heading}" quotes a figure someone can check later`,
      status: figures.length > 0 ? 'pass' : 'fail',
      file: spec.file,
      ...at,
      ...(figures.length > 0
        ? {}
        : section
          ? { message: 'Say by how much ("p99 from 390 ms to 16 ms"): "faster" cannot be proved wrong.' }
          : missing),
    },
  ];
}

/** The decision's first line chooses one of the options the constraints allow. */
export function decisionRules(spec: DocumentSpec, text: string): CheckItem[] {
  const rule = spec.decision;
  if (!rule) return [];
  const section = findSection(text, rule.heading);
  const first = (section?.body ?? []).find((line) => line.trim() !== '' && !/^#{1,6}\s/.test(line)) ?? '';
  const chosen = rule.chooses.some((c) => first.toLowerCase().includes(c.toLowerCase()));
  return [
    {
      id: 'decision-choice',
      label: `"${rule.heading}" chooses an option that meets the hard constraints`,
      status: chosen ? 'pass' : 'fail',
      file: spec.file,
      ...(section ? { line: section.line } : {}),
      ...(chosen
        ? {}
        : {
            message: section
              ? 'Start the section by naming the option you chose, and check it against every hard constraint in the data.'
              : `Add a "${rule.heading}" section.`,
          }),
    },
  ];
}
