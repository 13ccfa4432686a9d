import { hostname } from 'node:os';
import { NodeToolchain } from '../../runtime/engines/node/node-toolchain.ts';
import { runChecks } from '../../runtime/grading/run-checks.ts';
import { checkReportSchema, type CheckReport } from '../../runtime/report/check-report.ts';
import { missingLayers, probeSandboxHost } from '../../runtime/sandbox/host-layers.ts';
import { newId } from '../auth/tokens.ts';
import type { Store } from '../store/database.ts';
import type { GradingJobTable } from '../store/schema.ts';
import { verdictMismatch } from './compare-reports.ts';
import { graderVersions, type ExerciseCatalog, type GradableExercise } from './exercise-catalog.ts';
import { claim, fail, finish, renew } from './queue.ts';
import { failureSignatures, uniqueSignatures } from '../../runtime/report/failure-signatures.ts';
import { revealedSignatures } from '../../runtime/grading/revealed-signatures.ts';
import type { Mailer } from '../mail/mailer.ts';
import { noticeNewReport } from '../review/signatures.ts';

export interface GraderOptions {
  store: Store;
  catalog: ExerciseCatalog;
  /** Gradings at once in this process; the per-machine limit that keeps a burst from starving the API. */
  concurrency?: number;
  /** How long a claimed job is ours without renewal; renewed every third of it while grading. */
  leaseMs?: number;
  /** Wait between claims while the queue is empty. */
  idleMs?: number;
  /** The Node engine's toolchain; one per grader so its compile cache is warmed once. */
  toolchain?: NodeToolchain;
  /** How an exercise is read for grading; tests narrow an exercise's checks here. */
  loadExercise?: (slug: string) => Promise<GradableExercise>;
  /** Grade even when the host lacks sandbox layers (a developer's laptop); never on a shared server. */
  allowWeakSandbox?: boolean;
  /** Where notifications of a new report (signature comments it matches) are mailed and linked from. */
  notices?: { mailer: Mailer | undefined; origin: string };
  /** Called after each job, for logs and tests. */
  onGraded?: (event: { jobId: string; submissionId: string; outcome: 'done' | 'failed'; ms: number }) => void;
}

/**
 * Takes jobs from the database queue and grades each submission with the Node engine in the sandbox:
 * real ESLint and Vitest on the learner's files plus the full hidden checks, read from this server's disk.
 * Nothing of a submission runs in this process; each tool process gets its own workspace under
 * os.tmpdir(), where bubblewrap shows it only that folder, the tools and /usr.
 */
export class Grader {
  readonly id = `${hostname()}:${process.pid}:${newId().slice(0, 6)}`;
  readonly #options: Required<Omit<GraderOptions, 'onGraded' | 'toolchain'>> & Pick<GraderOptions, 'onGraded'>;
  readonly #toolchain: NodeToolchain;
  readonly #active = new Map<string, AbortController>();
  #running = false;
  #loop: Promise<void> | undefined;
  #wake: (() => void) | undefined;
  #versions: Promise<Record<string, string>> | undefined;

  constructor(options: GraderOptions) {
    this.#options = {
      concurrency: 1,
      leaseMs: 60_000,
      idleMs: 1_000,
      loadExercise: (slug) => options.catalog.load(slug),
      allowWeakSandbox: false,
      notices: { mailer: undefined, origin: 'http://localhost:4321' },
      ...options,
    };
    this.#toolchain = options.toolchain ?? new NodeToolchain();
  }

  /** Starts taking jobs; refuses when the sandbox is weaker than a grader needs (see missingLayers). */
  async start(): Promise<void> {
    const missing = missingLayers(await probeSandboxHost());
    if (missing.length > 0 && !this.#options.allowWeakSandbox) {
      throw new Error(
        `The grader will not run learner code on this host: ${missing.map((m) => m.why).join('; ')}. ` +
          'Install bubblewrap and run where user namespaces and a writable cgroup are allowed, or set ' +
          'CRAFTPATH_GRADER_ALLOW_WEAK_SANDBOX=1 on a machine only you use.',
      );
    }
    this.#running = true;
    this.#loop = this.#run();
  }

  /** Stops claiming, cancels gradings in flight (their jobs return to the queue when the lease ends). */
  async stop(): Promise<void> {
    this.#running = false;
    for (const controller of this.#active.values()) controller.abort(new Error('The grader is stopping'));
    this.#wake?.();
    await this.#loop;
  }

  /** Wakes an idle grader now (after a submit in this process) instead of at the next poll. */
  nudge(): void {
    this.#wake?.();
  }

  async #run(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    while (this.#running) {
      let job: GradingJobTable | undefined;
      if (inFlight.size < this.#options.concurrency) {
        job = await claim(this.#options.store, this.id, this.#options.leaseMs).catch((error: unknown) => {
          console.error('craftpath grader: claim failed:', error instanceof Error ? error.message : error);
          return undefined;
        });
      }
      if (job) {
        const work = this.#grade(job).finally(() => {
          inFlight.delete(work);
          this.#wake?.();
        });
        inFlight.add(work);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.#options.idleMs);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
    await Promise.allSettled(inFlight);
  }

  async #grade(job: GradingJobTable): Promise<void> {
    const { store, leaseMs } = this.#options;
    const began = Date.now();
    const controller = new AbortController();
    this.#active.set(job.id, controller);
    const renewal = setInterval(() => {
      void renew(store, job.id, this.id, leaseMs).then(
        (held) => {
          if (!held) controller.abort(new Error('Another grader took this job over'));
        },
        () => {},
      );
    }, leaseMs / 3);
    try {
      const submission = await store.db
        .selectFrom('submission')
        .selectAll()
        .where('id', '=', job.submission_id)
        .executeTakeFirst();
      if (!submission) throw new Error('The submission was deleted');
      const exercise = await this.#options.loadExercise(submission.exercise);
      const files = JSON.parse(submission.files) as Record<string, string>;
      const report = await runChecks(exercise.bundle, files, this.#toolchain, { signal: controller.signal });
      const browser = submission.browser_report
        ? checkReportSchema.safeParse(JSON.parse(submission.browser_report))
        : undefined;
      const browserReport: CheckReport | null = browser?.success ? browser.data : null;
      const signatures = uniqueSignatures([
        ...failureSignatures(report),
        ...(await revealedSignatures(exercise.bundle, files, this.#toolchain, controller.signal)),
      ]);
      const { stored } = await finish(store, job, this.id, {
        submissionId: submission.id,
        // The content actually graded: when an author edited the exercise after the job was queued, the
        // report says so by its hash, and a regrade against the job's hash is not possible any more.
        contentHash: exercise.contentHash,
        engineVersions: await (this.#versions ??= graderVersions()),
        report,
        verdict: report.verdict,
        mismatch: verdictMismatch(browserReport, report),
        signatures,
      });
      // Only the grader whose report was kept tells the learner; telling is idempotent besides (notice rows).
      if (stored) {
        await noticeNewReport(
          { store, catalog: this.#options.catalog, ...this.#options.notices },
          submission.id,
          signatures,
        ).catch((error: unknown) =>
          console.error('craftpath grader: signature notices failed:', error instanceof Error ? error.message : error),
        );
      }
      this.#options.onGraded?.({
        jobId: job.id,
        submissionId: job.submission_id,
        outcome: 'done',
        ms: Date.now() - began,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await fail(store, job, this.id, message).catch(() => {});
      this.#options.onGraded?.({
        jobId: job.id,
        submissionId: job.submission_id,
        outcome: 'failed',
        ms: Date.now() - began,
      });
    } finally {
      clearInterval(renewal);
      this.#active.delete(job.id);
    }
  }
}
