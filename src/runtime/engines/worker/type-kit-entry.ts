import ts from 'typescript';
import * as parser from '@typescript-eslint/parser';
import rules from '@typescript-eslint/eslint-plugin/use-at-your-own-risk/rules';
import type { Linter } from 'eslint/universal';
import { libs } from 'virtual:craftpath/type-kit-libs';
import { TYPE_KIT_GLOBAL, type TypeKit } from '../../typecheck/kit.ts';

/**
 * The browser's type kit: one classic script (src/deploy/engine-sources.ts builds it) that the page
 * fetches only for an exercise with a typecheck check or a type-aware lint, and hands to each worker in
 * its `init` message; the worker runs it and finds the kit on its global scope. Kept out of the engine
 * worker's own bundle, which every exercise downloads.
 */
const kit: TypeKit = {
  ts,
  libs,
  parser: parser as unknown as Linter.Parser,
  rules: rules as unknown as Record<string, unknown>,
};
(globalThis as Record<string, unknown>)[TYPE_KIT_GLOBAL] = kit;
