import * as monaco from 'monaco-editor/editor/editor.api';
// The TypeScript mode registers services (code lens, inlay hints, suggest memories…) when it loads. Monaco
// fixes its services on first use, which the language registrations below already trigger, so a lazily
// loaded mode leaves them unknown and any editor created after it (the fix workbench under a review's
// diff, Compare with solution) throws "depends on UNKNOWN service". Load it up front instead.
import 'monaco-editor/languages/features/typescript/tsMode';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/definitions/markdown/register';
import 'monaco-editor/languages/definitions/yaml/register';
// The diff editor's collapsed-region breadcrumbs need the outline service; without it every diff editor
// (the review exercise, Compare with solution) throws "depends on UNKNOWN service IOutlineModelService".
import 'monaco-editor/features/documentSymbols/register';
import {
  typescriptDefaults,
  javascriptDefaults,
  ModuleKind,
  ModuleResolutionKind,
  ScriptTarget,
  getJavaScriptWorker,
  getTypeScriptWorker,
  type Diagnostic,
} from 'monaco-editor/languages/features/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TsWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import { createHighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import { shikiToMonaco } from '@shikijs/monaco';
import vitestTypes from './vitest-api.d.ts.txt?raw';

export type Monaco = typeof monaco;

// Every label Monaco asks for needs a worker; the TypeScript one serves both TS and JS.
self.MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    return label === 'typescript' || label === 'javascript' ? new TsWorker() : new EditorWorker();
  },
};

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;
/** Monaco's own themes, used until the Shiki ones are registered. */
const FALLBACK_THEMES = { light: 'vs', dark: 'vs-dark' } as const;
let ready: Promise<Monaco> | undefined;
let themes: Promise<void> | undefined;

/**
 * Monaco configured once per page: the TS service and Vitest's API types at once, the site-matching
 * Shiki colours a moment later. The editor does not wait for the colours (loading the grammars and
 * themes took a fifth of the time to a visible editor): it starts in Monaco's own colours and its
 * models are re-highlighted when Shiki's tokenizers register.
 */
export function loadMonaco(): Promise<Monaco> {
  ready ??= Promise.resolve(setup());
  themes ??= loadThemes().catch(() => undefined);
  return ready;
}

/** Resolves once the Shiki colours are in (or failed to load, which leaves Monaco's own). */
export function themesLoaded(): Promise<void> {
  void loadMonaco();
  return themes ?? Promise.resolve();
}

function setup(): Monaco {
  const compilerOptions = {
    target: ScriptTarget.ES2020,
    module: ModuleKind.ESNext,
    moduleResolution: ModuleResolutionKind.NodeJs,
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    allowNonTsExtensions: true,
    lib: ['es2022'],
  };
  typescriptDefaults.setCompilerOptions(compilerOptions);
  javascriptDefaults.setCompilerOptions({ ...compilerOptions, allowJs: true, checkJs: false });
  typescriptDefaults.addExtraLib(vitestTypes, 'file:///node_modules/vitest/index.d.ts');
  javascriptDefaults.addExtraLib(vitestTypes, 'file:///node_modules/vitest/index.d.ts');
  followPageTheme(FALLBACK_THEMES);
  return monaco;
}

/** The same Shiki themes as the lesson's code blocks (astro.config.mjs), so code looks the same in both. */
async function loadThemes(): Promise<void> {
  const highlighter = await createHighlighterCore({
    themes: [import('shiki/themes/github-light-default.mjs'), import('shiki/themes/github-dark-default.mjs')],
    langs: [
      import('shiki/langs/typescript.mjs'),
      import('shiki/langs/javascript.mjs'),
      import('shiki/langs/markdown.mjs'),
      import('shiki/langs/yaml.mjs'),
    ],
    engine: createJavaScriptRegexEngine(),
  });
  shikiToMonaco(highlighter, monaco);
  followPageTheme(THEMES);
}

let observer: MutationObserver | undefined;
function followPageTheme(names: { light: string; dark: string }): void {
  const apply = () =>
    monaco.editor.setTheme(document.documentElement.dataset['theme'] === 'dark' ? names.dark : names.light);
  apply();
  observer?.disconnect();
  observer = new MutationObserver(apply);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}

/**
 * What the TypeScript service says about a model, asked directly rather than read off the squiggles: the
 * same diagnostics the editor draws, without waiting for it to draw them. A missing file among the models
 * shows up here as "Cannot find module".
 */
export async function typeDiagnostics(model: monaco.editor.ITextModel): Promise<string[]> {
  const language = model.getLanguageId();
  if (language !== 'typescript' && language !== 'javascript') return [];
  const client = await (language === 'typescript' ? getTypeScriptWorker() : getJavaScriptWorker());
  const worker = await client(model.uri);
  const uri = model.uri.toString();
  const found: Diagnostic[] = [
    ...(await worker.getSyntacticDiagnostics(uri)),
    ...(await worker.getSemanticDiagnostics(uri)),
  ];
  return found.map((d) => (typeof d.messageText === 'string' ? d.messageText : d.messageText.messageText));
}

export function languageOf(path: string): string {
  if (/\.(c|m)?tsx?$/.test(path)) return 'typescript';
  if (/\.(c|m)?jsx?$/.test(path)) return 'javascript';
  if (path.endsWith('.md')) return 'markdown';
  if (/\.ya?ml$/.test(path)) return 'yaml';
  return 'plaintext';
}
