/**
 * Turns an absolute path reported by a tool into a workspace path, or undefined when it lies outside
 * `root`. Tools report `/tmp/run/src/x.ts` (Node) or `/home/project/src/x.ts` (WebContainer); reports
 * and learners only ever see `src/x.ts`.
 */
export function toWorkspacePath(absolute: string, root: string): string | undefined {
  const normal = absolute.replace(/\\/g, '/').replace(/^file:\/\//, '');
  const base = root.replace(/\\/g, '/').replace(/\/+$/, '') + '/';
  return normal.startsWith(base) ? normal.slice(base.length) : undefined;
}
