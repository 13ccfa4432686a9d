import type { CheckItem } from '../report/check-report.ts';
import { formatDiagnostic } from '../typecheck/type-program.ts';
import { READS_NOTHING, type CheckKind, type SpecOf } from './kind.ts';
import { countLabel } from './wording.ts';

/**
 * `tsc --noEmit` over the listed files: any error fails the check. Each item is one diagnostic as the
 * learner would read it in a terminal (file:line:col - error TS2322: message), so the fix is the same
 * one they would make in their own project. Every engine runs the real TypeScript compiler.
 */
export const typecheckKind: CheckKind<SpecOf<'typecheck'>> = {
  kind: 'typecheck',
  toolchain: 'typecheck',
  runtime: 'any',
  reads: () => READS_NOTHING,
  answerKeyIsSecret: false,
  async run(spec, { workspace, toolchain, signal }) {
    const missing = spec.files.filter((path) => workspace[path] === undefined);
    if (missing.length > 0) throw new Error(`${missing.join(', ')} not in the workspace`);
    const diagnostics = await toolchain.typecheck(
      workspace,
      { targets: spec.files, compilerOptions: spec.compilerOptions },
      signal,
    );
    const errors = diagnostics.filter((d) => d.category === 'error');
    const files = new Set(errors.map((d) => d.file).filter((f) => f !== ''));
    const items: CheckItem[] = diagnostics.map((d, i) => ({
      id: `ts${d.code}-${i + 1}`,
      label: formatDiagnostic({ ...d, message: '' }).replace(/: $/, ''),
      status: d.category === 'error' ? 'fail' : 'pass',
      message: d.message,
      diagnostic: { code: d.code },
      ...(d.file === '' ? {} : { file: d.file, line: d.line }),
    }));
    if (errors.length === 0)
      return {
        status: 'pass',
        summary: `No type errors in ${spec.files.join(', ')}`,
        ...(items.length > 0 ? { items } : {}),
      };
    return {
      status: 'fail',
      summary: `${countLabel(errors.length, 'type error')} in ${countLabel(files.size, 'file')}`,
      items,
    };
  },
};
