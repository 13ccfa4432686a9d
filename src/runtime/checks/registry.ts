import type { CheckSpec } from '../../content/schema/exercise.ts';
import { calibrationKind } from './calibration.ts';
import { critiqueKind } from './critique.ts';
import { decisionKind } from './decision.ts';
import { documentKind } from './document.ts';
import { impactKind } from './impact.ts';
import { importCyclesKind } from './import-cycles.ts';
import type { CheckKind } from './kind.ts';
import { learnerTestsKind } from './learner-tests.ts';
import { lintKind } from './lint.ts';
import { reviewKind } from './review.ts';
import { testsKind } from './tests.ts';
import { typecheckKind } from './typecheck.ts';

type Registry = { [K in CheckSpec['kind']]: CheckKind<Extract<CheckSpec, { kind: K }>> };

/** Every check kind by name; the mapped type makes a schema kind without a module a type error. */
export const checkKinds: Registry = {
  lint: lintKind,
  tests: testsKind,
  'learner-tests': learnerTestsKind,
  document: documentKind,
  review: reviewKind,
  decision: decisionKind,
  impact: impactKind,
  calibration: calibrationKind,
  critique: critiqueKind,
  'import-cycles': importCyclesKind,
  typecheck: typecheckKind,
};

export function kindOf(spec: CheckSpec): CheckKind {
  // The registry's mapped type guarantees the module for spec.kind takes this spec.
  return checkKinds[spec.kind] as CheckKind;
}
