/**
 * One check run loads the learner's test file several times in the same worker (once against their code,
 * once per mutant). A test that counts its loads in a global would otherwise see a different value in
 * each, and "kill" every mutant without calling the code under test. Each test file run therefore starts
 * from the global object as it was before: globals it added are deleted, globals it replaced are put
 * back. Prototypes are not covered (that needs a realm per load); across runs the fresh worker of each
 * run covers everything (worker-engine.ts).
 */
export function snapshotGlobals(): () => void {
  const scope = globalThis as Record<PropertyKey, unknown>;
  const before = new Map<PropertyKey, PropertyDescriptor>();
  for (const key of Reflect.ownKeys(scope)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(scope, key);
    if (descriptor) before.set(key, descriptor);
  }
  return () => {
    for (const key of Reflect.ownKeys(scope)) {
      if (!before.has(key)) Reflect.deleteProperty(scope, key);
    }
    for (const [key, descriptor] of before) {
      const now = Reflect.getOwnPropertyDescriptor(scope, key);
      if (!now || !sameDescriptor(now, descriptor)) Reflect.defineProperty(scope, key, descriptor);
    }
  };
}

function sameDescriptor(a: PropertyDescriptor, b: PropertyDescriptor): boolean {
  return a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable;
}
