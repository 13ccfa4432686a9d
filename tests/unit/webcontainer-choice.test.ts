import { describe, expect, it } from 'vitest';
import {
  chooseEngine,
  fallbackText,
  readCapabilities,
  showsEngineStatus,
  type BootState,
  type EngineMode,
} from '../../src/runtime/engines/choose-engine.ts';

const isolated = { crossOriginIsolated: true, sharedArrayBuffer: true };
const notIsolated = { crossOriginIsolated: false, sharedArrayBuffer: false };
const noSab = { crossOriginIsolated: true, sharedArrayBuffer: false };

type Row = [EngineMode, typeof isolated, BootState, 'worker' | 'webcontainer', boolean, RegExp | null];

// mode, capabilities, boot → Run engine, boot a container?, fallback reason
const TABLE: Row[] = [
  ['worker', isolated, 'not-started', 'worker', false, null],
  ['worker', notIsolated, 'not-started', 'worker', false, null],
  ['auto', isolated, 'not-started', 'worker', true, null],
  ['auto', isolated, 'pending', 'worker', true, null],
  ['auto', isolated, 'ok', 'webcontainer', true, null],
  ['auto', isolated, 'timed-out', 'worker', false, /did not start within 20 s/],
  ['auto', isolated, 'failed', 'worker', false, /failed to start \(boom\)/],
  ['auto', notIsolated, 'not-started', 'worker', false, /not cross-origin isolated/],
  ['auto', noSab, 'not-started', 'worker', false, /no SharedArrayBuffer/],
  ['webcontainer', isolated, 'not-started', 'webcontainer', true, null],
  ['webcontainer', isolated, 'pending', 'webcontainer', true, null],
  ['webcontainer', isolated, 'ok', 'webcontainer', true, null],
  ['webcontainer', isolated, 'timed-out', 'worker', false, /did not start/],
  ['webcontainer', isolated, 'failed', 'worker', false, /failed to start/],
  ['webcontainer', notIsolated, 'not-started', 'worker', false, /not cross-origin isolated/],
  ['webcontainer', noSab, 'ok', 'worker', false, /no SharedArrayBuffer/],
];

describe('engine choice policy', () => {
  it.each(TABLE)(
    '%s exercise, %o, boot %s → Run on %s (boot: %s)',
    (mode, capabilities, boot, check, boots, reason) => {
      const choice = chooseEngine({
        mode,
        slug: 'payment-charge',
        capabilities,
        boot,
        bootTimeoutMs: 20_000,
        bootError: 'boom',
      });
      expect(choice.check).toBe(check);
      expect(choice.lint).toBe('worker');
      expect(choice.boot).toBe(boots);
      if (reason === null) expect(choice.fallback).toBeUndefined();
      else expect(choice.fallback?.reason).toMatch(reason);
    },
  );

  it('says what would enable the full run', () => {
    const enable = (capabilities: typeof isolated, boot: BootState) =>
      chooseEngine({ mode: 'auto', slug: 's', capabilities, boot }).fallback?.enable;
    expect(enable(notIsolated, 'not-started')).toMatch(/Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy/);
    expect(enable(noSab, 'not-started')).toMatch(/Chrome, Edge or Firefox/);
    expect(enable(isolated, 'timed-out')).toMatch(/network access to StackBlitz/);
    expect(enable(isolated, 'failed')).toMatch(/StackBlitz.*browser WebContainers support/);
  });

  it('shows the container status only where the worker cannot run every check', () => {
    expect(showsEngineStatus('webcontainer')).toBe(true);
    expect(showsEngineStatus('auto')).toBe(false);
    expect(showsEngineStatus('worker')).toBe(false);
  });

  it('points exercises that need Node to the offline CLI, and only those', () => {
    const webcontainer = chooseEngine({
      mode: 'webcontainer',
      slug: 'payment-charge',
      capabilities: isolated,
      boot: 'timed-out',
    });
    expect(webcontainer.fallback?.cli).toBe('npm run exercises -- check payment-charge');
    expect(fallbackText(webcontainer.fallback ?? { reason: '', enable: '' })).toMatch(
      /needs Node tools.*`npm run exercises -- check payment-charge`/,
    );
    const auto = chooseEngine({ mode: 'auto', slug: 'payment-charge', capabilities: isolated, boot: 'timed-out' });
    expect(auto.fallback?.cli).toBeUndefined();
    expect(fallbackText(auto.fallback ?? { reason: '', enable: '' })).not.toMatch(/exercises -- check/);
  });

  it('reads the browser’s capabilities', () => {
    expect(readCapabilities({ crossOriginIsolated: true, SharedArrayBuffer })).toEqual(isolated);
    expect(readCapabilities({})).toEqual(notIsolated);
  });
});
