import type { FileSystemAPI, WebContainer } from '@webcontainer/api';

/**
 * The part of a booted WebContainer the engine uses, typed from @webcontainer/api itself: if a release
 * renames or reshapes one of these members, this project stops compiling instead of failing in a learner's
 * browser. Tests pass a fake with the same type; the page passes the real WebContainer.
 */
export interface Sandbox {
  readonly workdir: WebContainer['workdir'];
  mount: WebContainer['mount'];
  spawn: WebContainer['spawn'];
  fs: SandboxFs;
}

export type SandboxFs = Pick<FileSystemAPI, 'readFile' | 'writeFile' | 'mkdir' | 'rm' | 'readdir'>;

export type { WebContainerProcess, SpawnOptions, FileSystemTree } from '@webcontainer/api';
