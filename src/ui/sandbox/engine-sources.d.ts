// Built by src/deploy/engine-sources.ts (a Vite plugin) for dev and production alike.
declare module 'virtual:craftpath/engine-sources' {
  /** The engine worker bundle, a classic worker script. */
  export const workerSource: string;
  /** The sandbox frame's inline script. */
  export const frameScript: string;
  /** Base64 SHA-256 of frameScript, for the frame's Content-Security-Policy. */
  export const frameScriptHash: string;
}

// The type kit's script (src/runtime/engines/worker/type-kit-entry.ts): its own module, so the page
// downloads it only when an exercise needs it (a dynamic import of this module).
declare module 'virtual:craftpath/type-kit-source' {
  export const typeKitSource: string;
}

// The lib .d.ts files the type kit ships (src/runtime/typecheck/lib-files.ts picks them).
declare module 'virtual:craftpath/type-kit-libs' {
  export const libs: Record<string, string>;
}
