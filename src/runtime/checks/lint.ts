import type { CheckItem, LintProblem } from '../report/check-report.ts';
import { READS_NOTHING, type CheckKind, type SpecOf } from './kind.ts';
import { countLabel } from './wording.ts';

/**
 * ESLint with the exercise's own config. Two jobs: the listed files must be clean (errors, and warnings
 * beyond maxWarnings, fail), and fixture expectations must hold: a bug fixture gets at least one error
 * from its rule (a warning stops no build), a clean fixture gets no problem at all (so a config that flags
 * everything fails too).
 */
type LintCheckExpectation = SpecOf<'lint'>['expect'][number];

export const lintKind: CheckKind<SpecOf<'lint'>> = {
  kind: 'lint',
  toolchain: 'lint',
  runtime: 'any',
  reads: () => READS_NOTHING,
  answerKeyIsSecret: false,
  async run(spec, { workspace, toolchain, bundle, signal }) {
    const targets = [...new Set([...spec.files, ...spec.expect.map((e) => e.file)])];
    const problems = await toolchain.lint(
      workspace,
      { config: spec.config, targets, typeAware: spec.typeAware },
      signal,
    );
    const onFiles = problems.filter((p) => spec.files.includes(p.file));
    const errors = onFiles.filter((p) => p.severity === 'error').length;
    const warnings = onFiles.length - errors;
    const bugFixtures = new Set(spec.expect.filter((e) => e.rule !== undefined).map((e) => e.file));
    const hidden = new Set(bundle.meta.files.filter((f) => f.role === 'hidden').map((f) => f.path));
    const items = spec.expect.map((e, i) => {
      const item = expectationItem(e, i, problems);
      return hidden.has(e.file) ? concealed(item, e, workspace[e.file] ?? '') : item;
    });
    const missed = items.filter((i) => i.status === 'fail').length;
    const filesFail = errors > 0 || warnings > spec.maxWarnings;
    const parts = [`${countLabel(errors, 'error')}, ${countLabel(warnings, 'warning')} in ${spec.files.join(', ')}`];
    if (items.length > 0) parts.push(`${items.length - missed} of ${items.length} fixture expectations met`);
    return {
      status: filesFail || missed > 0 ? 'fail' : 'pass',
      summary: parts.join('; '),
      // Bug fixtures' problems are expected and already summarised by the items; hidden fixtures' problems
      // would reveal them. What is left is what the learner must act on: their files and false positives.
      lint: problems.filter((p) => !hidden.has(p.file) && !bugFixtures.has(p.file)),
      ...(items.length > 0 ? { items } : {}),
    };
  },
};

/**
 * A hidden fixture's item must not give away its path or the rule that catches it (that would hand over
 * the answer); it is described by the fixture's first comment line, which says what the bug is.
 */
function concealed(item: CheckItem, expect: LintCheckExpectation, text: string): CheckItem {
  const comment = /^\s*\/\/\s*(.+)$/m.exec(text)?.[1]?.trim();
  const kind = expect.rule === undefined ? 'clean sample' : 'bug sample';
  const { file: _file, ...rest } = item;
  // For a clean sample the rules that fired are the learner's own choices, so naming them gives nothing away.
  // A rule that only warns is the learner's own choice too; saying so names no rule of the key.
  const warnedOnly = item.message?.startsWith('Your config only warns') === true;
  const message =
    expect.rule === undefined
      ? item.message
      : warnedOnly
        ? 'Your config only warns about this bug; a warning does not stop the build.'
        : 'No rule in your config catches this bug.';
  return {
    ...rest,
    label: `Hidden ${kind}: ${comment ?? 'no description'}`,
    ...(item.status === 'fail' && message !== undefined ? { message } : {}),
  };
}

function expectationItem(expect: LintCheckExpectation, index: number, problems: LintProblem[]): CheckItem {
  const inFile = problems.filter((p) => p.file === expect.file);
  if (expect.rule !== undefined) {
    // Only an error stops a build: a rule that merely warns lets the bug through a gate.
    const hit = inFile.some((p) => p.ruleId === expect.rule && p.severity === 'error');
    const warned = !hit && inFile.some((p) => p.ruleId === expect.rule);
    return {
      id: `expect-${index}`,
      label: `${expect.file} is flagged by ${expect.rule}`,
      status: hit ? 'pass' : 'fail',
      file: expect.file,
      ...(hit
        ? {}
        : {
            message: warned
              ? `Your config only warns about ${expect.rule} here; a warning does not stop the build, so this bug would reach production.`
              : `Your config raises no ${expect.rule} problem here, so this bug would reach production.`,
          }),
    };
  }
  const rules = [...new Set(inFile.map((p) => p.ruleId ?? 'parse error'))];
  return {
    id: `expect-${index}`,
    label: `${expect.file} raises no problems`,
    status: inFile.length === 0 ? 'pass' : 'fail',
    file: expect.file,
    ...(inFile.length === 0
      ? {}
      : { message: `False positive on correct code (${rules.join(', ')}): a gate that cries wolf gets switched off.` }),
  };
}
