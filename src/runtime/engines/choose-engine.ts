import type { EngineName } from '../report/check-report.ts';

/** The exercise's `engine` field. */
export type EngineMode = 'worker' | 'webcontainer' | 'auto';

/** What the page can do, read once from the browser (see readCapabilities). */
export interface Capabilities {
  crossOriginIsolated: boolean;
  sharedArrayBuffer: boolean;
}

/** Where the page's WebContainer stands: not asked for yet, booting, or the outcome of the raced boot. */
export type BootState = 'not-started' | 'pending' | 'ok' | 'timed-out' | 'failed';

export interface ChoiceInput {
  mode: EngineMode;
  /** Exercise slug, for the CLI command in the note. */
  slug: string;
  capabilities: Capabilities;
  boot: BootState;
  /** How long the boot was given, for the note after a timeout. */
  bootTimeoutMs?: number;
  /** The boot's or install's error, for the note after a failure. */
  bootError?: string;
}

/** Why the full Node run is not used, what would enable it, and for Node-only exercises the offline way. */
export interface Fallback {
  reason: string;
  enable: string;
  /** Set for `webcontainer` exercises: the in-browser engine cannot run all of their checks. */
  cli?: string;
}

export interface EngineChoice {
  /** The engine that answers Run. */
  check: Extract<EngineName, 'worker' | 'webcontainer'>;
  /** Editor markers while typing always come from the worker: milliseconds, not a process start. */
  lint: 'worker';
  /** Whether a WebContainer should be booted (or kept) for this exercise. */
  boot: boolean;
  fallback?: Fallback;
}

const ENABLE_ISOLATION =
  'Serve the page with the Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy headers (README, "WebContainers").';
const ENABLE_BROWSER = 'Use a browser WebContainers support: a current Chrome, Edge or Firefox.';
const ENABLE_NETWORK =
  'Allow network access to StackBlitz (stackblitz.com, *.webcontainer-api.io and the npm registry), then reload.';

/**
 * The engine policy, pure so it can be tested as a table. `worker` exercises never boot a container.
 * `auto` ones get the worker while the container starts and for editor markers, and the container for
 * Run once it is up. `webcontainer` ones wait for the container on Run. Without cross-origin isolation,
 * without SharedArrayBuffer, or when the boot timed out or failed, everything falls back to the worker,
 * with a note saying why, what would help, and for Node-only exercises the CLI that grades them offline.
 */
export function chooseEngine(input: ChoiceInput): EngineChoice {
  const worker = { check: 'worker', lint: 'worker' } as const;
  if (input.mode === 'worker') return { ...worker, boot: false };
  const blocked = capabilityGap(input.capabilities);
  if (blocked) return { ...worker, boot: false, fallback: withCli(blocked, input) };
  switch (input.boot) {
    case 'not-started':
    case 'pending':
      return { check: input.mode === 'webcontainer' ? 'webcontainer' : 'worker', lint: 'worker', boot: true };
    case 'ok':
      return { check: 'webcontainer', lint: 'worker', boot: true };
    case 'timed-out': {
      const limit = input.bootTimeoutMs === undefined ? '' : ` within ${duration(input.bootTimeoutMs)}`;
      const reason = `Node in the browser (WebContainers) did not start${limit}: StackBlitz's servers could not be reached.`;
      return { ...worker, boot: false, fallback: withCli({ reason, enable: ENABLE_NETWORK }, input) };
    }
    case 'failed': {
      const detail = input.bootError ? ` (${input.bootError})` : '';
      const reason = `Node in the browser (WebContainers) failed to start${detail}.`;
      return {
        ...worker,
        boot: false,
        fallback: withCli({ reason, enable: `${ENABLE_NETWORK} ${ENABLE_BROWSER}` }, input),
      };
    }
  }
}

function capabilityGap(capabilities: Capabilities): Fallback | undefined {
  // Without isolation browsers hide SharedArrayBuffer too, so isolation is the cause to name first.
  if (!capabilities.crossOriginIsolated) {
    return {
      reason: 'This page is not cross-origin isolated, which Node in the browser (WebContainers) needs.',
      enable: ENABLE_ISOLATION,
    };
  }
  if (!capabilities.sharedArrayBuffer) {
    return {
      reason: 'This browser has no SharedArrayBuffer, which Node in the browser (WebContainers) needs.',
      enable: ENABLE_BROWSER,
    };
  }
  return undefined;
}

function duration(ms: number): string {
  return ms >= 1_000 ? `${Math.round(ms / 1_000)} s` : `${ms} ms`;
}

function withCli(fallback: Fallback, input: ChoiceInput): Fallback {
  if (input.mode !== 'webcontainer') return fallback;
  return { ...fallback, cli: `npm run exercises -- check ${input.slug}` };
}

/**
 * Whether the learner should see the container's progress ("Starting Node…") and, when it never comes,
 * the advice to allow network access. Only for `webcontainer` exercises: a `worker` one never boots, and
 * the worker engine runs every check of an `auto` one, so there the container is a quiet upgrade (each
 * report still names the engine that produced it) and its absence costs the learner nothing.
 */
export function showsEngineStatus(mode: EngineMode): boolean {
  return mode === 'webcontainer';
}

/** The note shown above the results, one paragraph. */
export function fallbackText(fallback: Fallback): string {
  const parts = [`Checked by the fast in-browser engine. ${fallback.reason}`, fallback.enable];
  if (fallback.cli) {
    parts.push(
      `This exercise needs Node tools, so some checks may not run here; for the full result run \`${fallback.cli}\` in a clone of the repository.`,
    );
  }
  return parts.join(' ');
}

/** The browser's answer, read at the moment of the call. */
export function readCapabilities(
  scope: { crossOriginIsolated?: boolean; SharedArrayBuffer?: unknown } = globalThis,
): Capabilities {
  return {
    crossOriginIsolated: scope.crossOriginIsolated === true,
    sharedArrayBuffer: typeof scope.SharedArrayBuffer === 'function',
  };
}
