import type { IsolatedContent } from '../deploy/isolation-headers.ts';
import type { Auth } from './auth/auth.ts';
import type { Viewer } from './auth/access.ts';
import type { OidcConfig } from './auth/oidc-config.ts';
import type { Mailer } from './mail/mailer.ts';
import type { ExerciseCatalog } from './grading/exercise-catalog.ts';
import type { Store } from './store/database.ts';

/** Everything a route needs, made once per process by createTeamServer. */
export interface ServerDeps {
  store: Store;
  auth: Auth;
  /** Public origin: the only Origin accepted on state changes, and the base of every link we hand out. */
  origin: string;
  oidc: OidcConfig | undefined;
  /** Outgoing mail when SMTP is configured; without it links are handed to the owner to pass on. */
  mailer: Mailer | undefined;
  version: string;
  /** The exercises on this server's disk: content hashes at submit, lesson and track expansion. */
  catalog: ExerciseCatalog;
  /** Wakes this process's grader after a submit, when it runs one; other graders find the job by polling. */
  nudgeGrader: () => void;
}

export interface AppEnv {
  Variables: {
    /** The signed-in user with their roles, or null. */
    viewer: Viewer | null;
    /** Client address for rate limiting: the TCP peer, or X-Forwarded-For behind a trusted proxy. */
    clientIp: string;
  };
}

export interface ServerOptions {
  origin: string;
  oidc: OidcConfig | undefined;
  version: string;
  /** CRAFTPATH_SECRET; a generated one is kept in the database when absent. */
  secret?: string | undefined;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  /** SMTP, when CRAFTPATH_SMTP_URL is set. */
  mailer?: Mailer | undefined;
  /** Built site to serve; absent serves the API only. */
  distDir?: string | undefined;
  isolated: IsolatedContent;
  /** Where exercises are read from; default: this checkout. */
  catalog?: ExerciseCatalog;
  /** See ServerDeps.nudgeGrader. */
  nudgeGrader?: () => void;
}
