import { COEP } from './coep.ts';
import type { Sandbox } from './sandbox.ts';

export type BootResult =
  | { outcome: 'ok'; sandbox: Sandbox }
  | { outcome: 'timed-out'; afterMs: number }
  | { outcome: 'failed'; message: string };

export type BootFunction = () => Promise<Sandbox>;

/**
 * The real boot: @webcontainer/api is imported here, on demand, so pages that never need it never
 * download it. It loads StackBlitz's hosted runtime; without network access to StackBlitz the promise
 * never settles (measured offline: still pending after 180 s, no error), hence the race below.
 * NOT VERIFIED HERE: this project's test machine has no network, so a real boot, install and run have
 * only been exercised against a fake sandbox (tests/unit/webcontainer-*.test.ts).
 */
export const bootWebContainer: BootFunction = async () => {
  const { WebContainer } = await import('@webcontainer/api');
  return WebContainer.boot({ coep: COEP, workdirName: 'craftpath' });
};

/**
 * One WebContainer per page: the API allows a single instance, and installing the tools costs seconds,
 * so the promise is kept at module level and shared by every exercise. Client-side navigation keeps this
 * module, and so the container, alive.
 */
let booting: Promise<Sandbox> | undefined;

/** Starts the boot if nobody has yet; later callers get the same container. */
export function startBoot(boot: BootFunction = bootWebContainer): Promise<Sandbox> {
  if (!booting) {
    booting = boot();
    // A boot that failed can be retried by the next exercise; one that hangs stays the page's one attempt.
    booting.catch(() => (booting = undefined));
  }
  return booting;
}

/** Boots that already lost a race: the next exercise on the page is told at once instead of waiting again. */
const timedOut = new WeakSet<Promise<Sandbox>>();

/** The boot raced against `timeoutMs`. A timeout leaves the boot running: a later exercise may still use it. */
export function raceBoot(boot: Promise<Sandbox>, timeoutMs: number): Promise<BootResult> {
  return new Promise<BootResult>((resolve) => {
    const giveUp = (): void => {
      timedOut.add(boot);
      resolve({ outcome: 'timed-out', afterMs: timeoutMs });
    };
    const timer = setTimeout(giveUp, timedOut.has(boot) ? 0 : timeoutMs);
    boot.then(
      (sandbox) => {
        clearTimeout(timer);
        resolve({ outcome: 'ok', sandbox });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ outcome: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
  });
}

/** For tests: forget the page's container so the next startBoot boots again. */
export function resetBootForTests(): void {
  booting = undefined;
}
