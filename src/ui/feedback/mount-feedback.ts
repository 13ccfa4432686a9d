import type { WorkbenchHandle } from '../exercise/workbench.ts';
import { FeedbackPanel } from './feedback-panel.ts';
import { loadFeedback, replyTo, type Feedback } from './feedback-state.ts';
import { lineNotes } from './placement.ts';

type ExerciseElement = HTMLElement & { workbench?: Promise<object>; start?(): Promise<object> };

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
  #asked = 0;

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

  /** Loads and shows the list; the editor gets its decorations whenever the workbench is (or gets) mounted. */
  async refresh(): Promise<void> {
    const asked = ++this.#asked;
    const feedback = await loadFeedback(this.#assignmentId, this.#slug);
    // A submit or a reply asked again meanwhile: the later answer is the one to show.
    if (!feedback || asked !== this.#asked) return;
    this.#feedback = feedback;
    this.#panel.show(feedback);
    void this.#workbench().then((workbench) => {
      if (!workbench || this.#feedback !== feedback) return;
      workbench.showLineNotes(lineNotes(feedback.threads, feedback.submission.files, (f) => workbench.getFile(f)));
    });
  }

  /** To the thread's lines as they are in the editor now (they moved if the learner typed above them). */
  async #goTo(threadId: string, file: string, line: number): Promise<void> {
    // Before Start, "Go to" starts the workbench, as the Start button would.
    if (this.#exercise && !this.#exercise.workbench) void this.#exercise.start?.().catch(() => undefined);
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
