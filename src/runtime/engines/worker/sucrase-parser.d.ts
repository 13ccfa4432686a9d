/** Sucrase's own tokenizer, which its package exposes as a file but does not type (ts-lowering.ts). */
declare module 'sucrase/dist/parser/index.js' {
  export interface Token {
    start: number;
    end: number;
    /** Part of a type annotation or declaration, which Sucrase removes. */
    isType: boolean;
  }
  export function parse(
    input: string,
    isJSXEnabled: boolean,
    isTypeScriptEnabled: boolean,
    isFlowEnabled: boolean,
  ): { tokens: Token[] };
}
