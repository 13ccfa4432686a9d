/**
 * The Cross-Origin-Embedder-Policy exercise pages are served with (src/site/isolation-headers.ts) and the
 * value WebContainer.boot() must be told, since StackBlitz's frame has to match the page's policy.
 * credentialless, not require-corp: cross-origin images in lessons keep loading (without cookies), while
 * require-corp would block any that lack a Cross-Origin-Resource-Policy header. See ADR 5.
 */
export const COEP = 'credentialless' as const;
