import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { CoreEvent, VaultStatus } from '../../shared/api';
import { Core } from '../../electron/core/api/core';
import { BackgroundIntegrityCheck } from '../../electron/core/vault/integrity-check';
import { lockFilePathFor } from '../../electron/core/vault/process-lock';
import { Vault, type VaultOptions } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';

const INTEGRITY_WORKER: VaultOptions['integrityWorker'] = {
  script: path.resolve('test/support/typescript-worker.mjs'),
  argv: [path.resolve('electron/core/worker/integrity-worker.ts')],
};
const OPTIONS: VaultOptions = { ...FAST_VAULT_OPTIONS, integrityWorker: INTEGRITY_WORKER };
const PAGE_SIZE = 4096;

/** A locked vault whose last pages belong to a big table of `rows` rows of about 800 bytes. */
async function vaultWithBigTable(rows: number): Promise<string> {
  const vaultPath = path.join(makeTempFolder(), 'Werkbestand.kluis');
  const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'Test Gebruiker' }, FAST_VAULT_OPTIONS);
  vault.database.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, value TEXT NOT NULL) STRICT');
  const insert = vault.database.prepare('INSERT INTO filler (value) VALUES (?)');
  vault.database.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`vulling ${i} `.repeat(60));
  })();
  vault.lock();
  return vaultPath;
}

/** Overwrite one page with random bytes (the lock folded the WAL in, so the file is complete). */
function scramblePage(vaultPath: string, pageNumber: number): void {
  const handle = fs.openSync(vaultPath, 'r+');
  try {
    fs.writeSync(handle, crypto.randomBytes(PAGE_SIZE), 0, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
  } finally {
    fs.closeSync(handle);
  }
}

function coreWithEvents(vaultOptions: VaultOptions = OPTIONS) {
  const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: vaultOptions });
  const events: CoreEvent[] = [];
  core.onEvent((event) => events.push(event));
  const integrityEvent = () =>
    new Promise<Extract<CoreEvent, { type: 'vault.integrity' }>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no vault.integrity event within 20 s')), 20_000);
      const stop = core.onEvent((event) => {
        if (event.type !== 'vault.integrity') return;
        clearTimeout(timer);
        stop();
        resolve(event);
      });
    });
  return { core, events, integrityEvent };
}

function status(core: Core): Promise<VaultStatus> {
  return core.call('vault.status', {});
}

async function auditActions(core: Core): Promise<string[]> {
  return (await core.call('audit.list', { limit: 50 })).map((entry) => entry.action);
}

describe('integrity check in the background after unlock', () => {
  it('unlocks a vault with a damaged page deep in a big table, then reports the damage (event, audit, status)', async () => {
    const vaultPath = await vaultWithBigTable(3000);
    const pages = fs.statSync(vaultPath).size / PAGE_SIZE;
    expect(pages).toBeGreaterThan(400);
    scramblePage(vaultPath, pages - 20);

    const { core, events, integrityEvent } = coreWithEvents();
    const finished = integrityEvent();
    const started = performance.now();
    const unlocked = await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
    const unlockMs = performance.now() - started;
    expect(unlocked.integrity?.state).toBe('running');
    expect(unlockMs).toBeLessThan(5_000);

    const event = await finished;
    expect(event.state).toBe('problem');
    expect(event.checkedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const after = await status(core);
    expect(after.integrity).toEqual({ state: 'problem', checkedAt: event.checkedAt });
    const actions = await auditActions(core);
    expect(actions).toContain('vault.integrity-problem');
    expect(events.filter((e) => e.type === 'vault.integrity')).toHaveLength(1);

    await core.callUntrusted('vault.lock', {});
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
    await core.dispose();
  });

  it('reports ok for a sound vault, with no audit entry for it', async () => {
    const vaultPath = await vaultWithBigTable(500);
    const { core, integrityEvent } = coreWithEvents();
    const finished = integrityEvent();
    await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
    const event = await finished;
    expect(event.state).toBe('ok');
    expect((await status(core)).integrity?.state).toBe('ok');
    expect(await auditActions(core)).not.toContain('vault.integrity-problem');
    await core.dispose();
  });

  it('stops a running check when the vault is locked: no late event, the WAL folded in, the lock file gone', async () => {
    const vaultPath = await vaultWithBigTable(20_000);
    const { core, events } = coreWithEvents();
    const unlocked = await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
    expect(unlocked.integrity?.state).toBe('running');
    // A write, so that the lock has a WAL to fold in past the reader (a reader left running would block it).
    await core.call('settings.update', { autoLockMinutes: 30 });
    expect(await core.call('vault.lock', {})).toMatchObject({ state: 'locked' });
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
    const wal = `${vaultPath}-wal`;
    expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(events.filter((e) => e.type === 'vault.integrity')).toEqual([]);
    expect(events.at(-1)).toEqual({ type: 'vault.locked', reason: 'user' });
    // The vault opens again at once, in this process or another.
    const again = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    expect(again.settings().autoLockMinutes).toBe(30);
    again.lock();
    await core.dispose();
  });

  it('refuses at unlock what unlock itself reads: a damaged page of a small table is VAULT_CORRUPT', async () => {
    const vaultPath = await vaultWithBigTable(50);
    // Which page holds the settings table's root (read at every unlock): from the schema, before the damage.
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    const root = vault.database.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'settings'").pluck().get() as number;
    vault.lock();
    scramblePage(vaultPath, root);
    const { core } = coreWithEvents();
    const result = await core.callUntrusted('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('VAULT_CORRUPT');
    expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
    await core.dispose();
  });

  it('runs no background check without a worker script (the command line checks in the foreground)', async () => {
    const vaultPath = await vaultWithBigTable(10);
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    vault.startIntegrityCheck();
    expect(vault.status().integrity).toEqual({ state: 'not-run', checkedAt: null });
    vault.lock();
  });
});

describe('integrity check beside other work on the vault', () => {
  it('writes its audit entry after a transaction that was open when the result came, not inside it', async () => {
    const vaultPath = await vaultWithBigTable(3000);
    scramblePage(vaultPath, fs.statSync(vaultPath).size / PAGE_SIZE - 20);
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, OPTIONS);
    // As a bundle import does: a transaction open across awaits, rolled back at the end.
    vault.database.exec('BEGIN IMMEDIATE');
    vault.database.prepare("INSERT INTO settings (key, value) VALUES ('x', '1')").run();
    const finished = new Promise<string>((resolve) => vault.startIntegrityCheck((status) => resolve(status.state)));
    expect(await finished).toBe('problem');
    expect(vault.database.inTransaction).toBe(true);
    vault.database.exec('ROLLBACK');
    await expect.poll(() => vault.auditTrail(5).map((entry) => entry.action), { timeout: 3_000 }).toContain('vault.integrity-problem');
    expect(vault.verifyAuditTrail().intact).toBe(true);
    await vault.stopIntegrityCheck();
    vault.lock();
  });

  it('stops for a key rotation (which needs the file to itself) and checks again under the new key', async () => {
    const vaultPath = await vaultWithBigTable(20_000);
    const starts = vi.spyOn(BackgroundIntegrityCheck, 'start');
    const stops = vi.spyOn(BackgroundIntegrityCheck.prototype, 'stop');
    try {
      const { core, integrityEvent } = coreWithEvents();
      const unlocked = await core.call('vault.unlock', { path: vaultPath, passphrase: TEST_PASSPHRASE });
      expect(unlocked.integrity?.state).toBe('running');
      const finished = integrityEvent();
      expect(await core.call('vault.rotateKey', { passphrase: TEST_PASSPHRASE })).toMatchObject({ rotated: true });
      // The first check was stopped before the rekey, and a second one started after it.
      expect(starts).toHaveBeenCalledTimes(2);
      expect(stops.mock.invocationCallOrder[0]).toBeLessThan(starts.mock.invocationCallOrder[1]!);
      expect((await finished).state).toBe('ok');
      // The first event may be the first check's, when it ended during the passphrase check before
      // the rekey; the second check, under the new key, then reports a moment later.
      await expect.poll(async () => (await status(core)).integrity?.state, { timeout: 10_000 }).toBe('ok');
      await core.dispose();
      expect(fs.existsSync(lockFilePathFor(vaultPath))).toBe(false);
      // The vault opens with the rotated key, and the new key's check found it sound.
      const again = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
      again.lock();
    } finally {
      starts.mockRestore();
      stops.mockRestore();
    }
  });
});
