import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDED_PHENOMENON_CODES } from '../../shared/domain/enums';
import { configureConnection, openEncryptedDatabase } from '../../electron/core/vault/connection';
import { MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import { makeTempFolder } from '../support/temp-vault';

const NOW = '2026-11-28T10:00:00.000Z';

/** A vault database at version 2 (before the dossiers), then migrated to 3. */
function migratedDatabase() {
  const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm.kluis'), crypto.randomBytes(32), { create: true });
  configureConnection(db);
  applyMigrations(db, MIGRATIONS.slice(0, 2));
  expect(schemaVersionOf(db)).toBe(2);
  applyMigrations(db, MIGRATIONS.slice(0, 3));
  return db;
}

const DOSSIER_TABLES = [
  'dossier_notes',
  'dossier_number_counters',
  'dossier_partners',
  'dossier_phenomena',
  'dossier_status_changes',
  'dossiers',
  'measures',
  'phenomena',
  'signals',
  'subject_dossier_links',
  'subject_links',
  'subject_match_keys',
  'subjects',
];

describe('migration 0003: dossiers', () => {
  it('is version 3 and creates strict tables with their indexes, seeding the phenomena', () => {
    expect(MIGRATIONS[2]).toMatchObject({ version: 3, name: 'dossiers' });
    const db = migratedDatabase();
    expect(schemaVersionOf(db)).toBe(3);
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT IN ('audit_log', 'settings', 'vault_meta', 'vault_secret') ORDER BY name")
      .all() as Array<{
      name: string;
      sql: string;
    }>;
    expect(tables.map((table) => table.name)).toEqual(DOSSIER_TABLES);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex%'").pluck().all();
    for (const index of ['dossiers_by_status', 'subject_match_keys_lookup', 'subject_dossier_links_by_subject', 'signals_by_received', 'subjects_by_label']) {
      expect(indexes).toContain(index);
    }
    const seeded = db.prepare('SELECT code FROM phenomena WHERE is_seed = 1 ORDER BY position').pluck().all();
    expect(seeded).toEqual(SEEDED_PHENOMENON_CODES);
    expect(
      db.prepare("SELECT p.code FROM phenomena p JOIN phenomena parent ON parent.id = p.parent_id WHERE parent.code = 'zorgfraude' ORDER BY p.position").pluck().all(),
    ).toEqual(['zorgfraude.zorg_niet_geleverd', 'zorgfraude.ronselen_clienten', 'zorgfraude.kamerverhuur', 'zorgfraude.pgb_fraude']);
    db.close();
  });

  it('enforces the rules that tie columns together', () => {
    const db = migratedDatabase();
    const insertDossier = db.prepare(
      `INSERT INTO dossiers (year, sequence, title, priority, status, closing_reason, tlp, opened_on, created_at, updated_at)
       VALUES (2026, ?, 'Fictief', 'normaal', ?, ?, ?, '2026-11-28', '${NOW}', '${NOW}')`,
    );
    const dossierId = insertDossier.run(42, 'ontvangen', null, 'AMBER').lastInsertRowid;
    expect(db.prepare('SELECT number FROM dossiers WHERE id = ?').pluck().get(dossierId)).toBe('2026-0042');
    expect(() => insertDossier.run(42, 'ontvangen', null, 'AMBER')).toThrow(/UNIQUE/);
    expect(() => insertDossier.run(43, 'afgesloten', null, 'AMBER')).toThrow(/CHECK/); // closed without a reason
    expect(() => insertDossier.run(44, 'ontvangen', 'opgelost', 'AMBER')).toThrow(/CHECK/); // a reason without closing
    expect(() => insertDossier.run(45, 'ontvangen', null, 'TLP:AMBER')).toThrow(/CHECK/);

    const insertSignal = db.prepare(
      `INSERT INTO signals (received_on, how_received, summary, source_grade, information_grade, tlp, dossier_id, created_at, updated_at)
       VALUES ('2026-11-28', 'meldpunt', 'Fictief', ?, ?, 'AMBER', ?, '${NOW}', '${NOW}')`,
    );
    expect(() => insertSignal.run('D', 1, null)).toThrow(/CHECK/);
    expect(() => insertSignal.run('A', 5, null)).toThrow(/CHECK/);
    expect(() => insertSignal.run('A', 1, 999)).toThrow(/FOREIGN KEY/);
    const signalId = insertSignal.run('A', 1, dossierId).lastInsertRowid;
    expect(db.prepare('SELECT reporter_protected FROM signals WHERE id = ?').pluck().get(signalId)).toBe(1); // protected unless said otherwise

    const insertSubject = db.prepare(
      `INSERT INTO subjects (type, label, details, source_grade, information_grade, tlp, created_at, updated_at)
       VALUES (?, 'Fictief', ?, 'X', 4, 'AMBER', '${NOW}', '${NOW}')`,
    );
    expect(() => insertSubject.run('person', '{"type":"organisation","name":"x"}')).toThrow(/CHECK/);
    expect(() => insertSubject.run('person', 'geen json')).toThrow();
    const subjectId = insertSubject.run('person', '{"type":"person","name":"Fictief"}').lastInsertRowid;
    expect(() =>
      db
        .prepare(
          `INSERT INTO subject_links (from_subject_id, to_subject_id, kind, source_grade, information_grade, tlp, created_at) VALUES (?, ?, 'family_of', 'X', 4, 'AMBER', '${NOW}')`,
        )
        .run(subjectId, subjectId),
    ).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO subject_dossier_links (subject_id, dossier_id, role, valid_from, valid_until, source_grade, information_grade, tlp, created_at)
           VALUES (?, ?, 'bewoner', '2026-02-01', '2026-01-01', 'X', 4, 'AMBER', '${NOW}')`,
        )
        .run(subjectId, dossierId),
    ).toThrow(/CHECK/);

    const statusChangeId = db
      .prepare(`INSERT INTO dossier_status_changes (dossier_id, to_status, changed_on, recorded_at, actor) VALUES (?, 'ontvangen', '2026-11-28', '${NOW}', 'T')`)
      .run(dossierId).lastInsertRowid;
    expect(() => db.prepare("UPDATE dossier_status_changes SET actor = 'iemand anders' WHERE id = ?").run(statusChangeId)).toThrow(/append-only/);

    // Destroying a dossier takes what hangs under it along.
    db.prepare('DELETE FROM dossiers WHERE id = ?').run(dossierId);
    expect(db.prepare('SELECT count(*) FROM signals').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM dossier_status_changes').pluck().get()).toBe(0);
    db.close();
  });
});

describe('migration 0005: list indexes', () => {
  it('is version 5 and adds the partial list indexes to a version 4 vault, keeping its rows', () => {
    expect(MIGRATIONS[4]).toMatchObject({ version: 5, name: 'list-indexes' });
    const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm5.kluis'), crypto.randomBytes(32), { create: true });
    configureConnection(db);
    applyMigrations(db, MIGRATIONS.slice(0, 4));
    expect(schemaVersionOf(db)).toBe(4);
    db.prepare(
      `INSERT INTO signals (received_on, how_received, summary, source_grade, information_grade, tlp, created_at, updated_at)
       VALUES ('2026-01-02', 'meldpunt', 'Fictief', 'X', 4, 'AMBER', ?, ?)`,
    ).run(NOW, NOW);
    applyMigrations(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersionOf(db)).toBe(5);
    const indexes = db
      .prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND name IN (?, ?, ?, ?, ?) ORDER BY name")
      .all('signals_by_phenomenon', 'signals_by_created', 'dossiers_by_updated', 'dossiers_by_opened', 'dossiers_by_owner') as Array<{
      name: string;
      tbl_name: string;
      sql: string;
    }>;
    expect(indexes.map((index) => [index.name, index.tbl_name])).toEqual([
      ['dossiers_by_opened', 'dossiers'],
      ['dossiers_by_owner', 'dossiers'],
      ['dossiers_by_updated', 'dossiers'],
      ['signals_by_created', 'signals'],
      ['signals_by_phenomenon', 'signals'],
    ]);
    for (const index of indexes) expect(index.sql, index.name).toMatch(/WHERE deleted_at IS NULL$/);
    expect(db.prepare('SELECT count(*) FROM signals').pluck().get()).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
