// Built by src/deploy/engine-sources.ts (a Vite plugin) for dev and production alike.
declare module 'virtual:craftpath/engine-sources' {
  /** The engine worker bundle, a classic worker script. */
  export const workerSource: string;
  /** The sandbox frame's inline script. */
  export const frameScript: string;
  /** Base64 SHA-256 of frameScript, for the frame's Content-Security-Policy. */
  export const frameScriptHash: string;
}
