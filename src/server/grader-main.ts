import { graderConfigFromEnv, originFromEnv } from './config.ts';
import { mailConfigFromEnv } from './mail/mail-config.ts';
import { smtpMailer } from './mail/mailer.ts';
import { ExerciseCatalog } from './grading/exercise-catalog.ts';
import { Grader } from './grading/grader.ts';
import { openStore, storeTarget } from './store/database.ts';

/**
 * `npm run grader`: a grading process without the API, for a machine that only grades. Several take jobs
 * from one PostgreSQL queue without double work (FOR UPDATE SKIP LOCKED, see queue.ts); on the embedded
 * database a second grader process works too, the file's single writer serialising the claims.
 */
async function main(): Promise<void> {
  const config = graderConfigFromEnv(process.env);
  const store = await openStore(storeTarget(process.env));
  // Signature comments a new report matches are notified from here: in the site, and by mail with SMTP.
  const mail = mailConfigFromEnv(process.env);
  const notices = { mailer: mail ? smtpMailer(mail) : undefined, origin: originFromEnv(process.env, 8080) };
  const grader = new Grader({
    store,
    catalog: new ExerciseCatalog(),
    concurrency: config.concurrency,
    leaseMs: config.leaseMs,
    allowWeakSandbox: config.allowWeakSandbox,
    notices,
    onGraded: (event) =>
      console.log(`graded ${event.submissionId}: ${event.outcome} in ${Math.round(event.ms)} ms (job ${event.jobId})`),
  });
  await grader.start();
  console.log(`Craftpath grader ${grader.id} on ${store.kind}: ${store.location}, ${config.concurrency} at a time`);
  const stop = () => void grader.stop().then(() => store.close().then(() => process.exit(0)));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
