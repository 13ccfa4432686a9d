import { missingLayers, type SandboxHost } from '../runtime/sandbox/host-layers.ts';

/**
 * What the CLI prints before it grades a folder it did not write (a learner's edits, a mentee's backup)
 * on a host that cannot sandbox it fully; undefined when nothing is missing. Without --trust the run stops
 * there, so nobody runs someone else's code unprotected without having been told.
 */
export function untrustedRunWarning(host: SandboxHost, dir: string, trusted: boolean): string[] | undefined {
  const missing = missingLayers(host);
  if (missing.length === 0) return undefined;
  return [
    `This machine cannot fully sandbox the code in ${dir}:`,
    ...missing.map((m) => `  - ${m.why}`),
    trusted
      ? 'Running it anyway (--trust).'
      : 'Run it only if you trust that code: add --trust. To get the full sandbox, install bubblewrap (Debian: apt-get install bubblewrap) and allow user namespaces and cgroups; see docs/adr/0006-node-sandbox.md.',
  ];
}
