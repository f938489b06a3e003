import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Core } from '../../electron/core/api/core';
import { openEncryptedDatabase } from '../../electron/core/vault/connection';
import { Vault } from '../../electron/core/vault/vault';
import { FAST_VAULT_OPTIONS, TEST_PASSPHRASE, makeTempFolder } from '../support/temp-vault';
import { expectOk } from '../support/expect-ok';

async function vaultWithHistory() {
  const vaultPath = path.join(makeTempFolder(), 'logboek.kluis');
  const { vault } = await Vault.create(vaultPath, { passphrase: TEST_PASSPHRASE, displayName: 'Test Gebruiker' }, FAST_VAULT_OPTIONS);
  for (let i = 0; i < 5; i++) vault.audit('search.performed', { hits: i });
  vault.lock();
  const hexKey = await Vault.revealDatabaseKey(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
  return { vaultPath, key: Buffer.from(hexKey, 'hex') };
}

/** Tamper the way someone with the raw key and a SQLCipher tool could: around the triggers. */
function tamper(vaultPath: string, key: Buffer, sql: string): void {
  const db = openEncryptedDatabase(vaultPath, key);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

describe('the hash-chained audit trail', () => {
  it('verifies an untouched trail, and refuses updates and deletes through the triggers', async () => {
    const { vaultPath } = await vaultWithHistory();
    const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
    // vault.created, 5 searches, vault.locked, vault.unlocked
    expect(vault.verifyAuditTrail()).toEqual({ intact: true, entries: 8 });
    expect(() => vault.database.exec("UPDATE audit_log SET actor = 'iemand anders'")).toThrow(/append-only/);
    expect(() => vault.database.exec('DELETE FROM audit_log WHERE id = 3')).toThrow(/append-only/);
    vault.lock();
  });

  it('detects a changed entry, a removed entry, and a rehashed tail after a removal', async () => {
    for (const [sql, firstBrokenId] of [
      ['UPDATE audit_log SET details = \'{"hits":99}\' WHERE id = 4', 4],
      ['DELETE FROM audit_log WHERE id = 4', 5],
      ["UPDATE audit_log SET actor = 'iemand anders' WHERE id = 1", 1],
    ] as const) {
      const { vaultPath, key } = await vaultWithHistory();
      tamper(vaultPath, key, sql);
      const vault = await Vault.unlock(vaultPath, { passphrase: TEST_PASSPHRASE }, FAST_VAULT_OPTIONS);
      expect(vault.verifyAuditTrail()).toMatchObject({ intact: false, firstBrokenId });
      vault.lock();
    }
  });

  it('kluis check reports a broken chain in Dutch with exit code 1', async () => {
    const { vaultPath, key } = await vaultWithHistory();
    const cli = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.resolve('electron/core/cli/kluis.ts'), ...args], {
        env: { ...process.env, DOSSIERKLUIS_KDF_FAST: '1', KLUIS_PASSPHRASE: TEST_PASSPHRASE },
        encoding: 'utf8',
      });
    const good = cli(['check', vaultPath]);
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/logboekketen intact \(\d+ regels\)/);
    tamper(vaultPath, key, "UPDATE audit_log SET action = 'vault.niets' WHERE id = 2");
    const bad = cli(['check', vaultPath]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe('kluis: Het logboek is gewijzigd: de hashketen klopt niet vanaf regel 2.');
  });

  it('reads through the API newest first, page by page, and records that it was read', async () => {
    const core = new Core({ userDataDir: makeTempFolder(), host: 'browser', appVersion: 'test', vault: FAST_VAULT_OPTIONS });
    await core.callUntrusted('vault.create', { path: path.join(makeTempFolder(), 'api.kluis'), passphrase: TEST_PASSPHRASE, displayName: 'Test Gebruiker' });
    await core.callUntrusted('settings.update', { autoLockMinutes: 20 });
    const first = await core.callUntrusted('audit.list', { limit: 2 });
    const page = expectOk(first) as Array<{ id: number; action: string; actor: string }>;
    expect(page.map((entry) => entry.action)).toEqual(['audit.viewed', 'settings.updated']);
    expect(page[0]!.actor).toBe('Test Gebruiker');
    const older = await core.callUntrusted('audit.list', { limit: 10, beforeId: page[1]!.id });
    expect(older).toMatchObject({ ok: true, value: [{ action: 'vault.created' }] });
    expect(await core.callUntrusted('audit.verify', {})).toEqual({ ok: true, value: { intact: true, entries: 3 } });
    expect(await core.callUntrusted('audit.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await core.dispose();
  });
});
