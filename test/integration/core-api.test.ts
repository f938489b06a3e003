import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/api';
import { Core } from '../../electron/core/api/core';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { expectOk } from '../support/expect-ok';

function newCore(extra: { autoLockSecondsOverride?: number; vault?: typeof FAST_VAULT_OPTIONS & { now?: () => Date } } = {}) {
  const userDataDir = makeTempFolder();
  return { userDataDir, core: new Core({ userDataDir, host: 'browser', appVersion: '0.0.0-test', vault: FAST_VAULT_OPTIONS, ...extra }) };
}

describe('the core API over a real vault', () => {
  it('runs the first-screen flow: create, settings, recovery key, lock, unlock, recent list', async () => {
    const { core, userDataDir } = newCore();
    const info = await core.callUntrusted('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { host: 'browser', defaultVaultPath: path.join(userDataDir, 'Werkbestand.kluis') } });

    const vaultPath = path.join(makeTempFolder(), 'Gemeente.kluis');
    const created = await core.callUntrusted('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: '  P. Leider  ' });
    const { recoveryKey, status } = expectOk(created) as { recoveryKey: string; status: unknown };
    expect(status).toEqual({ state: 'unlocked', path: vaultPath, name: 'Gemeente', displayName: 'P. Leider', integrity: { state: 'not-run', checkedAt: null } });

    expect(await core.callUntrusted('vault.create', { path: path.join(makeTempFolder(), 'b.kluis'), passphrase: TEST_PASSPHRASE, displayName: 'X' })).toMatchObject({
      ok: false,
      error: { code: 'VAULT_ALREADY_UNLOCKED' },
    });
    expect(await core.callUntrusted('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 10, language: 'nl' } });
    expect(await core.callUntrusted('settings.update', { autoLockMinutes: 25, language: 'en' })).toEqual({ ok: true, value: { autoLockMinutes: 25, language: 'en' } });
    expect(await core.callUntrusted('settings.update', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.callUntrusted('vault.showRecoveryKey', { passphrase: 'fout fout fout' })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await core.callUntrusted('vault.showRecoveryKey', { passphrase: TEST_PASSPHRASE })).toEqual({ ok: true, value: { recoveryKey } });

    expect(await core.callUntrusted('vault.lock', {})).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await core.callUntrusted('settings.get', {})).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await core.callUntrusted('vault.unlock', { path: vaultPath, passphrase: 'nog altijd fout' })).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PASSPHRASE', details: { failedAttempts: 1 } },
    });
    expect(await core.callUntrusted('vault.unlockWithRecoveryKey', { path: vaultPath, recoveryKey })).toMatchObject({ ok: true, value: { state: 'unlocked' } });
    expect(await core.callUntrusted('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 25, language: 'en' } });

    const recent = await core.callUntrusted('vault.recent', {});
    expect(recent).toMatchObject({ ok: true, value: [{ path: vaultPath, name: 'Gemeente', exists: true }] });
    expect(fs.readFileSync(path.join(userDataDir, 'recent-vaults.json'), 'utf8')).not.toContain('P. Leider');
    expect(await core.callUntrusted('vault.forgetRecent', { path: vaultPath })).toEqual({ ok: true, value: [] });
    await core.dispose();
  });

  it('changes the passphrase, rotates the key and backs up, reporting progress', async () => {
    const { core } = newCore();
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    const folder = makeTempFolder();
    const vaultPath = path.join(folder, 'w.kluis');
    await core.callUntrusted('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'T' });
    expect(await core.callUntrusted('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: 'kort' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await core.callUntrusted('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: 'een nieuw wachtwoord!' })).toEqual({
      ok: true,
      value: { changed: true },
    });
    expect(await core.callUntrusted('vault.rotateKey', { passphrase: TEST_PASSPHRASE })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(await core.callUntrusted('vault.rotateKey', { passphrase: 'een nieuw wachtwoord!' })).toEqual({
      ok: true,
      value: { rotated: true, recoveryKey: expect.stringMatching(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/) },
    });
    const backup = await core.callUntrusted('vault.backup', { targetPath: path.join(folder, 'kopie.kluis') });
    expect(backup).toMatchObject({ ok: true, value: { path: path.join(folder, 'kopie.kluis') } });
    // The refused rotation started and ended too.
    expect(events.filter((event) => event.type === 'job.progress').map((event) => event.type === 'job.progress' && [event.kind, event.done])).toEqual([
      ['rotate-key', 0],
      ['rotate-key', 1],
      ['rotate-key', 0],
      ['rotate-key', 1],
      ['backup', 0],
      ['backup', 1],
    ]);
    await core.lock('user');
    expect(events.at(-1)).toEqual({ type: 'vault.locked', reason: 'user' });
    expect(await core.callUntrusted('vault.unlock', { path: vaultPath, passphrase: 'een nieuw wachtwoord!' })).toMatchObject({ ok: true });
    await core.dispose();
  });

  it('locks by itself after the idle time, and activity postpones it', async () => {
    const { core } = newCore({ autoLockSecondsOverride: 1 });
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    await core.callUntrusted('vault.create', { path: path.join(makeTempFolder(), 'w.kluis'), passphrase: TEST_PASSPHRASE, displayName: 'T' });
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 600));
      const activity = await core.callUntrusted('app.activity', {});
      expect(activity).toMatchObject({ ok: true, value: { autoLockAt: expect.any(String) } });
    }
    expect(core.isUnlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_400));
    expect(core.isUnlocked).toBe(false);
    expect(events).toEqual([{ type: 'vault.locked', reason: 'idle' }]);
    expect(await core.callUntrusted('app.activity', {})).toEqual({ ok: true, value: { autoLockAt: null } });
    await core.dispose();
  });

  it('a lock that arrives during a passphrase change waits for it: the new passphrase works afterwards', async () => {
    const { core } = newCore();
    const vaultPath = path.join(makeTempFolder(), 'w.kluis');
    await core.callUntrusted('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'T' });
    const change = core.callUntrusted('vault.changePassphrase', { currentPassphrase: TEST_PASSPHRASE, newPassphrase: 'het nieuwe wachtwoord 2' });
    const locked = core.lock('suspend'); // while Argon2id runs
    const status = core.callUntrusted('vault.status', {});
    expect(await change).toEqual({ ok: true, value: { changed: true } });
    await locked;
    expect(await status).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await core.callUntrusted('vault.unlock', { path: vaultPath, passphrase: 'het nieuwe wachtwoord 2' })).toMatchObject({ ok: true });
    await core.dispose();
  });

  it('counts wrong guesses sent in parallel one by one, so the throttle holds', async () => {
    // A stopped clock: the one-second wait after the fifth guess must not run out on a loaded machine.
    const { core } = newCore({ vault: { ...FAST_VAULT_OPTIONS, now: stoppedClock() } });
    const vaultPath = path.join(makeTempFolder(), 'w.kluis');
    await core.callUntrusted('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'T' });
    await core.callUntrusted('vault.lock', {});
    const guesses = await Promise.all(
      Array.from({ length: 8 }, (_, index) => core.callUntrusted('vault.unlock', { path: vaultPath, passphrase: `gok nummer ${index} fout` })),
    );
    const codes = guesses.map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes).toEqual([...Array(5).fill('WRONG_PASSPHRASE'), ...Array(3).fill('TOO_MANY_ATTEMPTS')]);
    await core.dispose();
  });

  it('throttles and records wrong passphrases in a session, with the codes unlock uses', async () => {
    const { core } = newCore({ vault: { ...FAST_VAULT_OPTIONS, now: stoppedClock() } });
    const vaultPath = path.join(makeTempFolder(), 'w.kluis');
    await core.callUntrusted('vault.create', { path: vaultPath, passphrase: TEST_PASSPHRASE, displayName: 'T' });
    const answers = [
      await core.callUntrusted('vault.changePassphrase', { currentPassphrase: 'niet het wachtwoord', newPassphrase: 'een nieuw wachtwoord!' }),
      await core.callUntrusted('vault.rotateKey', { passphrase: 'niet het wachtwoord' }),
    ];
    for (let guess = 0; guess < 4; guess++) answers.push(await core.callUntrusted('vault.showRecoveryKey', { passphrase: `gok ${guess}` }));
    expect(answers.map((answer) => (answer.ok ? 'ok' : [answer.error.code, answer.error.details?.failedAttempts]))).toEqual([
      ['WRONG_PASSPHRASE', 1],
      ['WRONG_PASSPHRASE', 2],
      ['WRONG_PASSPHRASE', 3],
      ['WRONG_PASSPHRASE', 4],
      ['WRONG_PASSPHRASE', 5],
      ['TOO_MANY_ATTEMPTS', 5],
    ]);
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { details: { retryAfterSeconds: expect.any(Number) } } });
    const entries = expectOk(await core.callUntrusted('audit.list', { actions: ['vault.passphrase-refused'] })) as Array<{ details: { purpose: string } }>;
    expect(entries.map((entry) => entry.details.purpose).reverse()).toEqual(['passphrase-change', 'key-rotation', 'recovery-key', 'recovery-key', 'recovery-key']);
    await core.dispose();
  });
});

/** A clock that stands still at the moment the test starts. */
function stoppedClock(): () => Date {
  const stopped = new Date();
  return () => new Date(stopped);
}
