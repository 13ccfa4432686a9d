// Correct code your gate must not flag: polling with a sleep helper and a bounded loop.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function pollUntilReady(check: () => Promise<boolean>, maxAttempts = 10): Promise<boolean> {
  let attempt = 0;
  while (true) {
    if (await check()) return true;
    attempt += 1;
    if (attempt >= maxAttempts) return false;
    await sleep(200 * attempt);
  }
}
