import type { WorkSession } from '../../runtime/storage/work-session.ts';
import { t } from '../../i18n/index.ts';
import { h } from '../dom.ts';

type Origin = NonNullable<WorkSession['inert']>;

/**
 * Keeps code that came from a backup or a sync away from the linter (which runs a learner's
 * eslint.config.js) until the learner acts: presses Run, or turns on lint as they type with the visible
 * control in the one-line notice that explains why nothing is linted. Learner code is hostile until then.
 */
export class LintGate {
  readonly #session: WorkSession;
  readonly #place: (notice: HTMLElement) => void;
  readonly #onLintAsYouType: () => void;
  #notice: HTMLElement | undefined;

  constructor(session: WorkSession, place: (notice: HTMLElement) => void, onLintAsYouType: () => void) {
    this.#session = session;
    this.#place = place;
    this.#onLintAsYouType = onLintAsYouType;
    if (session.inert) this.hold(session.inert);
  }

  /** False while the code is inert: nothing may lint it. */
  get live(): boolean {
    return this.#notice === undefined;
  }

  /** Code from elsewhere arrived (on open, or the learner took another tab's imported version). */
  hold(origin: Origin): void {
    if (this.#notice) return;
    this.#notice = inertNotice(origin, () => {
      this.release();
      this.#onLintAsYouType();
    });
    this.#place(this.#notice);
  }

  /** The learner acted: the code is theirs to lint and run from now on. */
  release(): void {
    this.#notice?.remove();
    this.#notice = undefined;
    this.#session.activate();
  }
}

function inertNotice(origin: Origin, onLintAsYouType: () => void): HTMLElement {
  const toggle = h('input', { type: 'checkbox', 'data-lint-toggle': true });
  toggle.addEventListener('change', () => {
    if (toggle.checked) onLintAsYouType();
  });
  return h(
    'p',
    { class: 'callout', 'data-inert-notice': origin },
    t.work.inert(origin),
    ' ',
    h('label', {}, toggle, ' ', t.work.lintAsYouType),
  );
}
