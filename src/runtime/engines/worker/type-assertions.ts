/**
 * `expectTypeOf` and `assertType`, which Vitest re-exports from the `expect-type` package: they check
 * types when the code is type-checked and do nothing when it runs. At run time every matcher and every
 * step (`.parameters`, `.returns`, `.not`, `.toHaveProperty('a')`) hands back the same inert chain, so any
 * chain a suite writes runs without error, as it does under Vitest.
 */

const noop = (): void => {};

const chain: unknown = new Proxy(noop, {
  get: (_target, property) => (property === 'then' ? undefined : chain),
  apply: () => chain,
});

export const expectTypeOf = (..._values: unknown[]): unknown => chain;

export const assertType = (..._values: unknown[]): void => {};

/** The `expect-type` package as test code imports it. */
export const expectTypeModule = { expectTypeOf, assertType: noop };
