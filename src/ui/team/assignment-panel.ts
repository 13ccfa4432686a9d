import {
  assignmentListSchema,
  submissionSchema,
  type Assignment,
  type Submission,
} from '../../shared-api/assignments-api.ts';
import { LastReports } from '../../runtime/storage/last-report.ts';
import { SavedWork } from '../../runtime/storage/saved-work.ts';
import { h } from '../dom.ts';
import { call, session } from './api.ts';
import { dueText, gradingText, pollDelay } from './assignment-text.ts';
import { LearnerFeedback } from '../feedback/mount-feedback.ts';

/**
 * The assignment panel of an exercise, loaded by assignment-element.ts only on a team server: for a
 * signed-in learner whose cohort was assigned this exercise, says who assigned it and when it is due,
 * which checks run only on the server, and offers Submit. The submission is the learner's saved code
 * (what the editor autosaves) with the browser's last report; then the revision's server verdict is
 * polled, with backoff, until it arrives.
 */
export async function mountAssignmentPanel(host: HTMLElement): Promise<void> {
  const slug = host.dataset['slug'] ?? '';
  const info = await session();
  if (!info?.user) return;
  const { assignments } = await call('GET', '/api/me/assignments', assignmentListSchema);
  const assignment = assignments.find((a) => a.exercises.includes(slug));
  if (!assignment) return;
  new AssignmentPanel(host).show(assignment, slug);
}

class AssignmentPanel {
  readonly #host: HTMLElement;
  /** The mentor's review of the newest revision, under Submit; refreshed after each submit. */
  readonly #review = h('div', { 'data-review-feedback': true, hidden: true });
  #feedback: LearnerFeedback | undefined;

  constructor(host: HTMLElement) {
    this.#host = host;
  }

  show(assignment: Assignment, slug: string): void {
    this.#host.replaceChildren(...this.#render(assignment, slug), this.#review);
    this.#host.hidden = false;
    this.#feedback = new LearnerFeedback(this.#review, assignment.id, slug);
    this.#refreshFeedback();
  }

  #refreshFeedback(): void {
    this.#feedback?.refresh().catch((error: unknown) => {
      this.#review.hidden = false;
      this.#review.textContent = `The mentor’s review could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    });
  }

  #render(assignment: Assignment, slug: string): Node[] {
    const status = h('p', { role: 'status', 'data-grading-status': true });
    const button = h('button', { type: 'button', class: 'button', 'data-submit': true }, 'Submit for grading');
    button.addEventListener('click', () => void this.#submit(assignment, slug, button, status));
    const checks = this.#host.dataset['serverChecks'];
    return [
      h(
        'p',
        { 'data-assigned': true },
        h('strong', {}, assignment.title),
        ` — assigned by ${assignment.assignedBy} to ${assignment.cohortName}, ${dueText(assignment.myDueAt)}`,
        assignment.mode === 'assessed' ? ' (assessed: the server’s grade counts)' : ' (practice)',
      ),
      assignment.note ? h('p', { class: 'meta' }, assignment.note) : null,
      h(
        'p',
        { class: 'meta' },
        checks
          ? `On submit the server runs every check, including these, which your browser cannot: ${checks}.`
          : 'On submit the server runs every check again, with the real ESLint and Vitest and the hidden tests.',
      ),
      h('p', {}, button),
      status,
    ].filter((n): n is HTMLParagraphElement => n !== null);
  }

  async #submit(assignment: Assignment, slug: string, button: HTMLButtonElement, status: HTMLElement): Promise<void> {
    button.disabled = true;
    status.textContent = 'Submitting…';
    try {
      const files = await this.#currentFiles(slug);
      const browserReport = new LastReports(localStorage).load(slug)?.report;
      const created = await call('POST', `/api/assignments/${assignment.id}/submissions`, submissionSchema, {
        exercise: slug,
        files,
        ...(browserReport && browserReport.exercise === slug ? { browserReport } : {}),
        engineVersions: { engine: browserReport?.engine ?? 'none' },
      });
      status.textContent = gradingText(created);
      // The new revision has no review yet, but the old threads are placed on it: show where they are now.
      this.#refreshFeedback();
      await this.#follow(created, status);
    } catch (error) {
      status.textContent = `Not submitted: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      button.disabled = false;
    }
  }

  /** Until the verdict arrives (or grading failed): poll the revision, quickly at first, then every 10 s. */
  async #follow(submission: Submission, status: HTMLElement): Promise<void> {
    let current = submission;
    for (let attempt = 0; current.serverReports.length === 0 && current.grading?.state !== 'failed'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, pollDelay(attempt)));
      current = await call('GET', `/api/submissions/${submission.id}`, submissionSchema);
      status.textContent = gradingText(current);
    }
  }

  /**
   * The learner's editable files as the editor holds them now (the workbench, when it is open), else as
   * last saved, else the starter: what the learner sees is what is submitted.
   */
  async #currentFiles(slug: string): Promise<Record<string, string>> {
    const src = this.#host.dataset['src'] ?? '';
    const bundle = (await (await fetch(src)).json()) as {
      meta: { files: { path: string; role: string }[] };
      starter: Record<string, string>;
    };
    const editable = bundle.meta.files.filter((f) => f.role === 'editable').map((f) => f.path);
    const exercise = this.#host.closest('section')?.querySelector('craftpath-exercise') as
      (HTMLElement & { workbench?: Promise<{ getFile?(path: string): string | undefined }> }) | null;
    const open = exercise?.workbench ? await exercise.workbench.catch(() => undefined) : undefined;
    const saved = new SavedWork(localStorage).load(slug);
    return Object.fromEntries(
      editable.map((path) => [path, open?.getFile?.(path) ?? saved?.[path] ?? bundle.starter[path] ?? '']),
    );
  }
}
