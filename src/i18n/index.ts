import { en } from './en.ts';

/** The active UI strings. Adding a locale means adding a file like en.ts and choosing it here. */
export const t = en;
