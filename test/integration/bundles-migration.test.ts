import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadVaultKeys } from '../../electron/core/bundles/identity';
import { ensureUid, recordProvenance } from '../../electron/core/bundles/item-uids';
import { configureConnection, openEncryptedDatabase } from '../../electron/core/vault/connection';
import { MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import { makeTempFolder } from '../support/temp-vault';

const NOW = '2026-11-28T10:00:00.000Z';

function databaseAt(version: number) {
  const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm.kluis'), crypto.randomBytes(32), { create: true });
  configureConnection(db);
  applyMigrations(db, MIGRATIONS.slice(0, version));
  return db;
}

describe('migration 0007: bundles', () => {
  it('gives an existing vault its identity, and strict tables for the address book, uids and provenance', () => {
    expect(MIGRATIONS[6]).toMatchObject({ version: 7, name: 'bundles' });
    const db = databaseAt(6);
    db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, priority, status, tlp, opened_on, created_at, updated_at)
       VALUES (1, 2026, 1, 'Bestaand dossier', 'normaal', 'ontvangen', 'AMBER', '2026-01-01', ?, ?)`,
    ).run(NOW, NOW);
    expect(db.prepare("SELECT count(*) FROM vault_secret WHERE name LIKE 'bundle_%'").pluck().get()).toBe(0);

    applyMigrations(db, MIGRATIONS.slice(0, 7));
    expect(schemaVersionOf(db)).toBe(7);
    const keys = loadVaultKeys(db);
    expect(keys.ageRecipient).toMatch(/^age1[0-9a-z]{58}$/);
    expect(keys.ageIdentity).toMatch(/^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
    expect(keys.signingPublicKey).toHaveLength(32);
    // Kept inside the encrypted vault only, as PKCS#8.
    const secrets = db.prepare("SELECT name, length(value) AS bytes FROM vault_secret WHERE name LIKE 'bundle_%' ORDER BY name").all();
    expect(secrets).toEqual([
      { name: 'bundle_ed25519_key', bytes: 48 },
      { name: 'bundle_x25519_key', bytes: 48 },
    ]);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'bundle_%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    expect(tables.map((table) => table.name)).toEqual(['bundle_imports', 'bundle_item_uids', 'bundle_partners', 'bundle_provenance']);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    db.close();
  });

  it('every vault gets its own keys', () => {
    const [first, second] = [databaseAt(7), databaseAt(7)];
    expect(loadVaultKeys(first).fingerprint).not.toBe(loadVaultKeys(second).fingerprint);
    first.close();
    second.close();
  });

  it('an item destroyed takes its uid and provenance with it, so a reused rowid starts clean', () => {
    const db = databaseAt(7);
    const insertDossier = db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, priority, status, tlp, opened_on, created_at, updated_at)
       VALUES (?, 2026, ?, 'Dossier', 'normaal', 'ontvangen', 'AMBER', '2026-01-01', ?, ?)`,
    );
    insertDossier.run(1, 1, NOW, NOW);
    const uid = ensureUid(db, 'dossier', 1);
    expect(ensureUid(db, 'dossier', 1)).toBe(uid);
    const importId = Number(
      db
        .prepare(
          `INSERT INTO bundle_imports (bundle_id, manifest_sha256, sender_name, sender_organisation, sender_fingerprint, bundle_created_at, imported_at, imported_by)
           VALUES ('b', ?, 'Afzender', '', ?, ?, ?, 'Ontvanger')`,
        )
        .run('0'.repeat(64), '1'.repeat(64), NOW, NOW).lastInsertRowid,
    );
    recordProvenance(db, { kind: 'dossier', itemId: 1, importId, originUid: uid, effect: 'created' });
    db.prepare('DELETE FROM dossiers WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM bundle_item_uids').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM bundle_provenance').pluck().get()).toBe(0);
    // The import itself stays on record.
    expect(db.prepare('SELECT count(*) FROM bundle_imports').pluck().get()).toBe(1);
    insertDossier.run(1, 2, NOW, NOW);
    expect(ensureUid(db, 'dossier', 1)).not.toBe(uid);
    db.close();
  });

  it('the address book refuses the same key twice and a verification without its author', () => {
    const db = databaseAt(7);
    const insert = db.prepare(
      `INSERT INTO bundle_partners (name, organisation, age_recipient, signing_key, fingerprint, added_at, verified_at, verified_by) VALUES (?, '', ?, ?, ?, ?, ?, ?)`,
    );
    const key = crypto.randomBytes(32).toString('base64');
    insert.run('A', 'age1aaaa', key, 'a'.repeat(64), NOW, null, null);
    expect(() => insert.run('B', 'age1bbbb', key, 'b'.repeat(64), NOW, null, null)).toThrow(/UNIQUE/);
    expect(() => insert.run('C', 'age1cccc', crypto.randomBytes(32).toString('base64'), 'c'.repeat(64), NOW, NOW, null)).toThrow(/CHECK/);
    db.close();
  });
});
