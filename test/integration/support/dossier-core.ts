import path from 'node:path';
import type { ApiError, HandlerName, Input, Output } from '../../../shared/api';
import { Core } from '../../../electron/core/api/core';
import { Vault } from '../../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../../support/temp-vault';

export const TEST_ACTOR = 'P. Leider';

/**
 * A Core with a fresh vault, unlocked, and two ways to call it: `call` expects success and
 * returns the value, `fail` expects a failure and returns the error. `now` fixes the core's clock.
 */
export async function openDossierCore(options: { now?: () => Date } = {}) {
  const vault = options.now ? { ...FAST_VAULT_OPTIONS, now: options.now } : FAST_VAULT_OPTIONS;
  const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault });
  const vaultPath = path.join(makeTempFolder(), 'werkbestand.kluis');
  await core.call('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: TEST_ACTOR });

  const call = <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => core.call(name, input);

  /** Input is `unknown` on purpose: the tests send what the renderer must not be trusted to get right. */
  async function fail(name: HandlerName, input: unknown): Promise<ApiError> {
    const result = await core.callUntrusted(name, input);
    if (result.ok) throw new Error(`${name} succeeded, a failure was expected: ${JSON.stringify(result.value)}`);
    return result.error;
  }

  /** The vault's audit trail, oldest first, read by locking the core and opening the file directly. */
  async function auditTrail(): Promise<Array<{ actor: string; action: string; details: Record<string, unknown> }>> {
    await core.call('vault.lock', {});
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    try {
      return vault.auditTrail(10_000).reverse();
    } finally {
      vault.lock();
    }
  }

  return { core, vaultPath, call, fail, auditTrail };
}
