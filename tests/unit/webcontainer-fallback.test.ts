import { describe, expect, it } from 'vitest';
import { REPORT_VERSION, type CheckReport } from '../../src/runtime/report/check-report.ts';
import type { Engine, EngineStatus } from '../../src/runtime/engines/engine.ts';
import { createChosenEngine, type ContainerStart } from '../../src/runtime/engines/chosen-engine.ts';
import type { EngineMode } from '../../src/runtime/engines/choose-engine.ts';
import { raceBoot, startBoot, resetBootForTests } from '../../src/runtime/engines/webcontainer/boot.ts';
import { FakeSandbox } from './support/fake-webcontainer.ts';

function stubEngine(
  name: 'worker' | 'webcontainer',
  check: () => Promise<CheckReport> = async () => report(name),
): Engine & { disposed: boolean } {
  return {
    name,
    disposed: false,
    check,
    lint: async () => [],
    dispose() {
      this.disposed = true;
    },
  };
}

function report(engine: CheckReport['engine']): CheckReport {
  return {
    version: REPORT_VERSION,
    exercise: 'demo',
    engine,
    startedAt: new Date(0).toISOString(),
    durationMs: 1,
    verdict: 'pass',
    checks: [],
  };
}

const never = new Promise<never>(() => undefined);
const request = { exercise: 'demo', files: {} };
const isolated = { crossOriginIsolated: true, sharedArrayBuffer: true };

function chosen(mode: EngineMode, startContainer: () => Promise<ContainerStart>) {
  const statuses: EngineStatus[] = [];
  const engine = createChosenEngine({
    mode,
    slug: 'demo',
    capabilities: isolated,
    worker: stubEngine('worker'),
    startContainer,
    bootTimeoutMs: 50,
    onStatus: (s) => statuses.push(s),
  });
  return { engine, statuses };
}

describe('the boot race', () => {
  it('gives up on a boot that never settles after the timeout, without cancelling it', async () => {
    const started = Date.now();
    await expect(raceBoot(never, 30)).resolves.toEqual({ outcome: 'timed-out', afterMs: 30 });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('does not make the next exercise wait again for a boot that already timed out', async () => {
    const hanging = new Promise<never>(() => undefined);
    await raceBoot(hanging, 50);
    const started = Date.now();
    await expect(raceBoot(hanging, 5_000)).resolves.toMatchObject({ outcome: 'timed-out' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports a booted container, or the error of a failed boot', async () => {
    const sandbox = new FakeSandbox();
    await expect(raceBoot(Promise.resolve(sandbox), 1_000)).resolves.toEqual({ outcome: 'ok', sandbox });
    await expect(raceBoot(Promise.reject(new Error('Unable to create more instances')), 1_000)).resolves.toEqual({
      outcome: 'failed',
      message: 'Unable to create more instances',
    });
  });

  it('boots one container per page and lets a failed boot be retried', async () => {
    resetBootForTests();
    let boots = 0;
    const sandbox = new FakeSandbox();
    const boot = async () => (++boots === 1 ? Promise.reject(new Error('offline')) : sandbox);
    await expect(startBoot(boot)).rejects.toThrow('offline');
    await new Promise((r) => setTimeout(r, 0));
    await expect(startBoot(boot)).resolves.toBe(sandbox);
    await expect(startBoot(boot)).resolves.toBe(sandbox);
    expect(boots).toBe(2);
    resetBootForTests();
  });
});

describe('the engine that follows the choice', () => {
  it('auto: the worker answers while the container boots, then a timeout leaves a note and worker results', async () => {
    const { engine, statuses } = chosen('auto', () => raceBoot(never, 50).then((r) => r as ContainerStart));
    await expect(engine.check(request)).resolves.toMatchObject({ engine: 'worker' });
    await new Promise((r) => setTimeout(r, 80));
    expect(engine.choice.fallback?.reason).toMatch(/did not start within 50 ms/);
    expect(statuses.at(0)).toEqual({ phase: 'booting' });
    expect(statuses.at(-1)).toMatchObject({ phase: 'unavailable', reason: expect.stringMatching(/StackBlitz/) });
    await expect(engine.check(request)).resolves.toMatchObject({ engine: 'worker' });
  });

  it('auto: once the container is up and installed, Run is the full Node run, marked webcontainer', async () => {
    const container = stubEngine('webcontainer');
    const { engine, statuses } = chosen('auto', async () => ({
      outcome: 'ok',
      engine: container,
      warmUp: async (onStatus) => onStatus({ phase: 'installing', progress: 1 }),
    }));
    await new Promise((r) => setTimeout(r, 0));
    expect(engine.name).toBe('webcontainer');
    await expect(engine.check(request)).resolves.toMatchObject({ engine: 'webcontainer' });
    expect(statuses).toEqual([{ phase: 'booting' }, { phase: 'installing', progress: 1 }, { phase: 'ready' }]);
    engine.dispose();
    expect(container.disposed).toBe(true);
  });

  it('webcontainer: Run waits for the boot, then falls back with the CLI command when it times out', async () => {
    const { engine, statuses } = chosen('webcontainer', () => raceBoot(never, 50).then((r) => r as ContainerStart));
    const result = await engine.check(request);
    expect(result.engine).toBe('worker');
    expect(statuses.at(-1)).toMatchObject({
      phase: 'unavailable',
      reason: expect.stringContaining('npm run exercises -- check demo'),
    });
  });

  it('falls back to the worker when the install fails, and says why', async () => {
    const failing = stubEngine('webcontainer', async () => {
      throw Object.assign(new Error('npm ci failed (exit 1): ERR! network'), { name: 'InstallError' });
    });
    const { engine, statuses } = chosen('auto', async () => ({ outcome: 'ok', engine: failing, warmUp: () => never }));
    await new Promise((r) => setTimeout(r, 0));
    await expect(engine.check(request)).resolves.toMatchObject({ engine: 'worker' });
    expect(engine.choice.check).toBe('worker');
    expect(statuses.at(-1)).toMatchObject({ phase: 'unavailable', reason: expect.stringContaining('npm ci failed') });
  });
});
