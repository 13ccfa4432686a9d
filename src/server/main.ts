import { serve } from '@hono/node-server';
import { readIsolatedContent } from '../deploy/isolated-content.ts';
import { createTeamServer } from './app.ts';
import { smtpMailer } from './mail/mailer.ts';
import { configFromEnv } from './config.ts';
import { ExerciseCatalog } from './grading/exercise-catalog.ts';
import { Grader } from './grading/grader.ts';
import { openStore } from './store/database.ts';
import { purgeExpired } from './store/synced-records.ts';

/**
 * `npm run serve` ends here (after scripts/serve.ts has built dist/ when needed): one process serving
 * the site and the API. It holds nothing another process needs, so several can run behind a load
 * balancer on one PostgreSQL.
 */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const store = await openStore(config.store);
  const catalog = new ExerciseCatalog();
  const mailer = config.mail ? smtpMailer(config.mail) : undefined;
  // One in-process grader by default, so one command runs a whole team; CRAFTPATH_GRADER=0 leaves grading
  // to `npm run grader` processes (on other machines, with PostgreSQL).
  const grader = config.grader.inProcess
    ? new Grader({
        store,
        catalog,
        concurrency: config.grader.concurrency,
        leaseMs: config.grader.leaseMs,
        allowWeakSandbox: config.grader.allowWeakSandbox,
        notices: { mailer, origin: config.origin },
      })
    : undefined;
  await grader?.start();
  const { app } = await createTeamServer(store, {
    catalog,
    nudgeGrader: () => grader?.nudge(),
    origin: config.origin,
    oidc: config.oidc,
    mailer,
    secret: config.secret,
    trustProxy: config.trustProxy,
    version: config.version,
    distDir: process.env['CRAFTPATH_DIST'] ?? 'dist',
    isolated: await readIsolatedContent(process.cwd()),
  });
  // Retention runs in every process; deleting already-deleted rows is harmless, so no coordination.
  const retention = setInterval(() => void purgeExpired(store).catch(() => {}), 3600_000);
  retention.unref();
  await purgeExpired(store);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(
      `Craftpath team server on ${config.origin} (listening on ${info.address}:${info.port}, ${store.kind}: ${store.location}; ` +
        `${grader ? `grading ${config.grader.concurrency} at a time in this process` : 'no grader in this process'})`,
    );
  });
  const stop = () => {
    server.close(() => void Promise.resolve(grader?.stop()).then(() => store.close().then(() => process.exit(0))));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
