import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configureConnection, openEncryptedDatabase } from '../../electron/core/vault/connection';
import { MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import { makeTempFolder } from '../support/temp-vault';

const NOW = '2026-05-01T10:00:00.000Z';

describe('migration 0008 documents', () => {
  it('adds strict document tables on an existing vault; versions are append-only and go with their dossier', () => {
    const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm.kluis'), crypto.randomBytes(32), { create: true });
    configureConnection(db);
    const before = MIGRATIONS.filter((migration) => migration.version < 8);
    applyMigrations(db, before);
    db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, priority, status, tlp, opened_on, created_at, updated_at)
       VALUES (1, 2026, 1, 'Bestaand dossier', 'normaal', 'ontvangen', 'AMBER', '2026-01-01', ?, ?)`,
    ).run(NOW, NOW);
    applyMigrations(db);
    expect(schemaVersionOf(db)).toBeGreaterThanOrEqual(9);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'document%' ORDER BY name").all() as Array<{
      name: string;
      sql: string;
    }>;
    expect(tables.map((table) => table.name)).toEqual(['document_versions', 'documents']);
    for (const table of tables) expect(table.sql).toMatch(/STRICT$/);

    db.prepare(`INSERT INTO documents (id, dossier_id, kind, title, created_at, created_by) VALUES (1, 1, 'preweeg', 'Preweeg', ?, 'P')`).run(NOW);
    const insert = db.prepare(`INSERT INTO document_versions (document_id, version, origin, tlp, content, saved_at, saved_by) VALUES (1, ?, 'composed', ?, ?, ?, 'P')`);
    insert.run(1, 'AMBER', '{"sections":{}}', NOW);
    expect(() => insert.run(1, 'AMBER', '{}', NOW)).toThrow(/UNIQUE/);
    expect(() => insert.run(2, 'PURPLE', '{}', NOW)).toThrow(/CHECK/);
    expect(() => insert.run(2, 'AMBER', 'no json', NOW)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE document_versions SET content = '{}'").run()).toThrow(/append-only/);

    db.prepare('DELETE FROM dossiers WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM document_versions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(0);
    db.close();
  });

  it('0009 adds strict meeting tables; an agenda item names one dossier or one signal and goes with it', () => {
    const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm.kluis'), crypto.randomBytes(32), { create: true });
    configureConnection(db);
    applyMigrations(db);
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name LIKE 'meeting%' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    expect(tables.map((table) => table.name)).toEqual(['meeting_actions', 'meeting_items', 'meetings']);
    for (const table of tables) expect(table.sql).toMatch(/STRICT$/);
    db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, priority, status, tlp, opened_on, created_at, updated_at)
       VALUES (1, 2026, 1, 'Dossier', 'normaal', 'ontvangen', 'AMBER', '2026-01-01', ?, ?)`,
    ).run(NOW, NOW);
    db.prepare(`INSERT INTO meetings (id, kind, title, held_on, tlp, created_at, updated_at) VALUES (1, 'casustafel', 'Casustafel', '2026-05-01', 'AMBER', ?, ?)`).run(
      NOW,
      NOW,
    );
    expect(() =>
      db.prepare(`INSERT INTO meetings (kind, title, held_on, tlp, created_at, updated_at) VALUES ('borrel', 'x', '2026-05-01', 'AMBER', ?, ?)`).run(NOW, NOW),
    ).toThrow(/CHECK/);
    const item = db.prepare(`INSERT INTO meeting_items (meeting_id, position, dossier_id, signal_id, summary) VALUES (1, 1, ?, ?, '')`);
    expect(() => item.run(null, null)).toThrow(/CHECK/);
    item.run(1, null);
    db.prepare(`INSERT INTO meeting_actions (item_id, who, what, created_at) VALUES (1, 'wie', 'wat', ?)`).run(NOW);
    db.prepare('DELETE FROM dossiers WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM meeting_items').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM meeting_actions').pluck().get()).toBe(0);
    db.close();
  });
});
