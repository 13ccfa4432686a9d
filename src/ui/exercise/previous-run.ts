import type { LastReport } from '../../runtime/storage/last-report.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

/** The line above a restored report: it was not produced by the code as it is now, so it says when it was. */
export function previousRunBanner(record: LastReport): HTMLElement {
  return h(
    'p',
    { class: 'meta', 'data-previous-run': record.savedAt },
    t.work.previousRun(new Date(record.savedAt)),
    record.trimmed ? ` ${t.work.previousRunTrimmed}` : null,
  );
}
