import crypto from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../electron/core/kernel/errors';
import { verifyAuditChain } from '../../electron/core/vault/audit-chain';
import { configureConnection, openEncryptedDatabase } from '../../electron/core/vault/connection';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import type { Migration } from '../../electron/core/vault/migrations/migration';
import { makeTempFolder } from '../support/temp-vault';

function freshDatabase() {
  const db = openEncryptedDatabase(path.join(makeTempFolder(), 'm.kluis'), crypto.randomBytes(32), { create: true });
  configureConnection(db);
  return db;
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, and the latest is what a new vault gets', () => {
    const expected = Array.from({ length: LATEST_SCHEMA_VERSION }, (_, index) => index + 1);
    expect(MIGRATIONS.map((migration) => migration.version)).toEqual(expected);
    const db = freshDatabase();
    expect(applyMigrations(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(applyMigrations(db)).toBe(LATEST_SCHEMA_VERSION); // idempotent
    db.close();
  });

  it('0001 creates strict tables and an append-only audit log', () => {
    const db = freshDatabase();
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    const tables = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as Array<{ name: string; sql: string }>;
    expect(tables.map((table) => table.name)).toEqual(['audit_log', 'settings', 'vault_meta', 'vault_secret']);
    for (const table of tables) expect(table.sql).toMatch(/\)\s*STRICT$/);
    db.prepare("INSERT INTO audit_log (occurred_at, actor, action) VALUES ('2026-11-28T10:00:00Z', 'a', 'b')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'c'").run()).toThrow(/append-only/);
    expect(() => db.prepare("INSERT INTO audit_log (occurred_at, actor, action, details) VALUES ('x', 'a', 'b', 'geen json')").run()).toThrow();
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('a', x'00')").run()).toThrow(/cannot store BLOB/);
    db.close();
  });

  it('apply in one transaction: a failing migration leaves the version and schema as they were', () => {
    const db = freshDatabase();
    applyMigrations(db);
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_SCHEMA_VERSION + 1, name: 'adds a table', up: (conn) => conn.exec('CREATE TABLE extra (id INTEGER) STRICT') },
      { version: LATEST_SCHEMA_VERSION + 2, name: 'fails', up: (conn) => conn.exec('CREATE TABLE broken (') },
    ];
    expect(() => applyMigrations(db, broken)).toThrow();
    expect(schemaVersionOf(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'").pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a schema newer than the app knows', () => {
    const db = freshDatabase();
    applyMigrations(db);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    expect(() => applyMigrations(db)).toThrow(CoreError);
    try {
      applyMigrations(db);
    } catch (error) {
      expect((error as CoreError).code).toBe('VAULT_TOO_NEW');
    }
    db.close();
  });

  it('0002 chains the entries written before it, and forbids deleting entries', () => {
    const db = freshDatabase();
    applyMigrations(db, MIGRATIONS.slice(0, 1));
    const insert = db.prepare("INSERT INTO audit_log (occurred_at, actor, action) VALUES ('2026-11-28T10:00:00Z', 'a', ?)");
    for (const action of ['vault.created', 'vault.unlocked', 'vault.locked']) insert.run(action);
    applyMigrations(db, MIGRATIONS.slice(0, 2));
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 3 });
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b' WHERE id = 2").run()).toThrow(/append-only/);
    db.close();
  });

  it('0011 indexes the subjects of the entries written before it, by their declared keys only, and leaves the chain as it was', () => {
    const db = freshDatabase();
    applyMigrations(
      db,
      MIGRATIONS.filter((migration) => migration.version <= 10),
    );
    const entries: Array<[string, Record<string, unknown>]> = [
      ['subject.created', { subjectId: 1, type: 'person' }],
      ['subject.linked', { linkId: 3, fromSubjectId: 11, toSubjectId: 1, kind: 'family_of' }],
      ['subject.merged', { keptSubjectId: 1, mergedSubjectId: 2, movedDossierLinks: 1, movedSubjectLinks: 0, droppedSelfLinks: 0, filledFields: [] }],
      ['subject.trashed', { id: 2 }],
      // Not references: a dossier's id, a key that merely contains "subjectId", an id written as text.
      ['dossier.trashed', { id: 1 }],
      ['subject.viewed', { formerSubjectIdNote: 1 }],
      ['subject.viewed', { subjectId: '1' }],
      ['search.performed', { hits: 1 }],
    ];
    const insert = db.prepare("INSERT INTO audit_log (occurred_at, actor, action, details, hash) VALUES ('2026-11-28T10:00:00Z', 'a', ?, ?, '')");
    for (const [action, details] of entries) insert.run(action, JSON.stringify(details));
    const hashesBefore = db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all();

    applyMigrations(db);
    const indexed = db.prepare('SELECT audit_id, subject_id FROM audit_subjects ORDER BY audit_id, subject_id').all();
    expect(indexed).toEqual([
      { audit_id: 1, subject_id: 1 },
      { audit_id: 2, subject_id: 1 },
      { audit_id: 2, subject_id: 11 },
      { audit_id: 3, subject_id: 1 },
      { audit_id: 3, subject_id: 2 },
      { audit_id: 4, subject_id: 2 },
    ]);
    expect(db.prepare('SELECT id, hash FROM audit_log ORDER BY id').all()).toEqual(hashesBefore);
    // A person's entries are read from the index, not by scanning the trail.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT audit_id FROM audit_subjects WHERE subject_id IN (SELECT value FROM json_each(?))').all('[1]') as Array<{
      detail: string;
    }>;
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/SEARCH audit_subjects USING PRIMARY KEY \(subject_id=\?\)/);
    db.close();
  });
});
