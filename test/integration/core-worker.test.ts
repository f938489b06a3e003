import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api';
import { Core, type CoreOptions } from '../../electron/core/api/core';
import type { CoreService } from '../../electron/core/api/core-service';
import { CoreWorkerClient } from '../../electron/core/worker/core-worker-client';
import { startStallGauge } from '../support/stall-gauge';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

const workerSource = path.resolve('electron/core/worker/core-worker.ts');
const typescriptWorker = path.resolve('test/support/typescript-worker.mjs');

/** The longest the calling thread's event loop went without a tick while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const gauge = startStallGauge(10);
  let longest = 0;
  try {
    await work();
  } finally {
    longest = gauge.stop().longest;
  }
  return longest;
}

function options(extra: Partial<CoreOptions> = {}): CoreOptions {
  // Real calibration (about 0.75 s of Argon2id): the work that must not block the UI thread.
  return { userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', ...extra };
}

async function createAndLock(core: CoreService) {
  const vaultPath = path.join(makeTempFolder(), 'w.kluis');
  await core.call('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'Test' });
  await core.call('vault.lock', {});
}

describe('the core in a worker thread', () => {
  it('keeps the calling thread responsive during Argon2id, unlike the same core in-thread', async () => {
    const inThread = new Core(options());
    const stallInThread = await longestStall(() => createAndLock(inThread));
    await inThread.dispose();

    const worker = new CoreWorkerClient(options(), typescriptWorker, [workerSource]);
    const stallWithWorker = await longestStall(() => createAndLock(worker));
    await worker.dispose();

    expect(stallInThread).toBeGreaterThan(300);
    // Relative, not absolute: on a loaded 2-core machine every timer runs late (one CI run saw 388 ms
    // beside a 2-worker test run), while the in-thread stall is all of Argon2id and its calibration.
    expect(stallWithWorker).toBeLessThan(stallInThread / 3);
  });

  it('answers calls with the same Results and forwards events', async () => {
    const worker = new CoreWorkerClient(options({ vault: FAST_VAULT_OPTIONS, autoLockSecondsOverride: 1 }), typescriptWorker, [workerSource]);
    const events: CoreEvent[] = [];
    worker.onEvent((event) => events.push(event));
    expect(await worker.callUntrusted('vault.unlock', { path: 'x', passphrase: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await worker.callUntrusted('nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    const vaultPath = path.join(makeTempFolder(), 'w.kluis');
    expect(await worker.callUntrusted('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'Test' })).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(events).toContainEqual({ type: 'vault.locked', reason: 'idle' });
    expect(await worker.callUntrusted('vault.status', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    await worker.dispose();
    expect(await worker.callUntrusted('vault.status', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
