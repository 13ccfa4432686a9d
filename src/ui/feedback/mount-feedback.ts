import type { WorkbenchHandle } from '../exercise/workbench.ts';
import { FeedbackPanel } from './feedback-panel.ts';
import { loadFeedback, replyTo, type Feedback } from './feedback-state.ts';
import { lineNotes } from './placement.ts';

type ExerciseElement = HTMLElement & { workbench?: Promise<object> };

/**
 * The learner's side of mentor review, for one exercise of an assignment: the list in `host` and the
 * threads on the workbench's editor once it is mounted. `refresh()` again after a submit or a reply.
 */
export class LearnerFeedback {
  readonly #assignmentId: string;
  readonly #slug: string;
  readonly #exercise: ExerciseElement | null;
  readonly #panel: FeedbackPanel;
  #feedback: Feedback | undefined;

  constructor(host: HTMLElement, assignmentId: string, slug: string) {
    this.#assignmentId = assignmentId;
    this.#slug = slug;
    this.#exercise = host.closest('section')?.querySelector<ExerciseElement>('craftpath-exercise') ?? null;
    this.#panel = new FeedbackPanel(host, slug, {
      reply: async (threadId, body) => {
        await replyTo(threadId, body);
        await this.refresh();
      },
      goTo: (thread) => void this.#goTo(thread.id, thread.file, thread.placement?.startLine ?? 1),
    });
  }

  async refresh(): Promise<void> {
    this.#feedback = await loadFeedback(this.#assignmentId, this.#slug);
    if (!this.#feedback) return;
    this.#panel.show(this.#feedback);
    const workbench = await this.#workbench();
    if (workbench && this.#feedback) this.#draw(workbench, this.#feedback);
  }

  #draw(workbench: WorkbenchHandle, feedback: Feedback): void {
    workbench.showLineNotes(lineNotes(feedback.threads, feedback.submission.files, (f) => workbench.getFile(f)));
  }

  /** To the thread's lines as they are in the editor now (they moved if the learner typed above them). */
  async #goTo(threadId: string, file: string, line: number): Promise<void> {
    const workbench = await this.#workbench();
    const now = workbench?.lineNotes().find((n) => n.threadId === threadId);
    workbench?.reveal(file, now?.startLine ?? line);
  }

  /** The code workbench of this exercise once mounted; undefined for a judgment exercise (no editor). */
  async #workbench(): Promise<WorkbenchHandle | undefined> {
    const exercise = this.#exercise;
    if (!exercise) return undefined;
    if (!exercise.workbench)
      await new Promise((resolve) => exercise.addEventListener('craftpath:workbench', resolve, { once: true }));
    const handle = await exercise.workbench?.catch(() => undefined);
    return handle && 'showLineNotes' in handle ? (handle as WorkbenchHandle) : undefined;
  }
}
