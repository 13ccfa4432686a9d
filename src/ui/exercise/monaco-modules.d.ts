// Monaco ships no types for the TypeScript mode's entry; monaco.ts imports it only for its side effects.
declare module 'monaco-editor/languages/features/typescript/tsMode';
