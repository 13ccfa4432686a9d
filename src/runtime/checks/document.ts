import type { CheckItem } from '../report/check-report.ts';
import { outlineMarkdown } from '../parse/markdown-outline.ts';
import { confirmationRules, consequenceRules, decisionRules, figureRules, optionRules } from './document-adr.ts';
import { READS_NOTHING, type CheckKind, type SpecOf } from './kind.ts';

/** Structure of a Markdown document (an ADR, a design doc): pure, so it needs no toolchain at all. */
export const documentKind: CheckKind<SpecOf<'document'>> = {
  kind: 'document',
  toolchain: 'none',
  runtime: 'any',
  reads: () => READS_NOTHING,
  answerKeyIsSecret: false,
  run(spec, { workspace }) {
    const text = workspace[spec.file];
    if (text === undefined) throw new Error(`${spec.file} is not in the workspace`);
    const outline = outlineMarkdown(text);
    const items: CheckItem[] = spec.requiredHeadings.map((required, i) => {
      const found = outline.headings.find((h) => h.text.trim().toLowerCase() === required.trim().toLowerCase());
      return {
        id: `heading-${i}`,
        label: `Has a "${required}" section`,
        status: found ? 'pass' : 'fail',
        file: spec.file,
        ...(found ? { line: found.line } : { message: `Add a heading "${required}".` }),
      };
    });
    if (spec.statusValues !== undefined) {
      const allowed = spec.statusValues.map((s) => s.toLowerCase());
      // "accepted (2026-03-16), see incident 2026-03-14" is accepted: MADR and the lessons date the status.
      const word = outline.status
        ?.trim()
        .toLowerCase()
        .match(/^[a-z-]+/)?.[0];
      const ok = word !== undefined && allowed.includes(word);
      items.push({
        id: 'status',
        label: `Status is one of ${spec.statusValues.join(', ')}`,
        status: ok ? 'pass' : 'fail',
        file: spec.file,
        ...(ok
          ? {}
          : {
              message:
                outline.status === undefined
                  ? 'No "Status:" line or Status section found.'
                  : `Status "${outline.status}" is not one of them.`,
            }),
      });
    }
    if (spec.minTables > 0) {
      const ok = outline.tables >= spec.minTables;
      items.push({
        id: 'tables',
        label: `At least ${spec.minTables} table(s)`,
        status: ok ? 'pass' : 'fail',
        file: spec.file,
        ...(ok ? {} : { message: `Found ${outline.tables}.` }),
      });
    }
    // ADR rules: options with downsides, figures that match the data, a choice the constraints allow,
    // consequences that can be proved wrong, a confirmation that names a test.
    items.push(
      ...optionRules(spec, text),
      ...figureRules(spec, text, workspace),
      ...decisionRules(spec, text),
      ...consequenceRules(spec, text),
      ...confirmationRules(spec, text, workspace),
    );
    const passed = items.filter((i) => i.status === 'pass').length;
    return Promise.resolve({
      status: passed === items.length ? 'pass' : 'fail',
      summary: `${passed} of ${items.length} structure rules met`,
      items,
    });
  },
};
