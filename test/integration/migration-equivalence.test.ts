import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadVaultKeys } from '../../electron/core/bundles/identity';
import { verifyAuditChain } from '../../electron/core/vault/audit-chain';
import { configureConnection, openEncryptedDatabase, type Connection } from '../../electron/core/vault/connection';
import { MIGRATIONS, applyMigrations, schemaVersionOf } from '../../electron/core/vault/migrations';
import { GENESIS_HASH_V2, auditEntryHashV2 } from '../../electron/core/vault/migrations/frozen/audit-entry-hash';
import type { Migration } from '../../electron/core/vault/migrations/migration';
import { PHENOMENON_SEEDS, subFormCode } from '../../shared/domain/enums';
import { PHENOMENON_LABELS_NL } from '../../shared/domain/labels-nl';
import { makeTempFolder } from '../support/temp-vault';
import { columnsOf, describeRow, nonEmptyTableRows, recordsOf, rowsOf, rowsWithout, schemaOf, tablesOf, type SchemaEntry, type TableRows } from '../support/vault-schema';

/**
 * A vault made today runs every migration on an empty file; a vault made by an older app ran the
 * first k and runs the rest now. Both must end with the same schema and the same seeds, which holds
 * only as long as no migration reads code that changed in between (hence the frozen migrations).
 * The migrations come from the index, so a new one is covered without touching this file.
 */

const NOW = '2026-03-02T09:30:00.000Z';
const LATEST = MIGRATIONS.at(-1)!.version;

/** The schema version at which migrations were frozen, and a new vault at it as dumped just before. */
const FROZEN_AT = 10;
const FROZEN_EXPECTATION = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../fixtures/vault-schema-v10.json'), 'utf8')) as {
  version: number;
  schema: SchemaEntry[];
  seeds: TableRows;
};

function emptyVault(): Connection {
  const db = openEncryptedDatabase(path.join(makeTempFolder('kluis-migrations-'), 'm.kluis'), crypto.randomBytes(32), { create: true });
  configureConnection(db);
  return db;
}

function vaultAfter(migrations: readonly Migration[]): Connection {
  const db = emptyVault();
  applyMigrations(db, migrations);
  return db;
}

function hasTable(db: Connection, table: string): boolean {
  return db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(table) === 1;
}

/**
 * A few rows of everything a user of the app at `version` could have made, written as that app
 * wrote them (raw SQL against that version's schema), so that the data migrations after it (the
 * audit chain's backfill, the search index's backfill, the bundle identity) have work to do.
 */
function writeUserData(db: Connection, version: number): void {
  const run = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params);
  run("INSERT INTO vault_meta (key, value) VALUES ('vault_id', '5f0c4a52-2c1e-4c9e-9a51-3d0b1f6f2a10'), ('created_at', ?), ('display_name', 'Programmaleider')", NOW);
  run("INSERT INTO vault_secret (name, value) VALUES ('recovery_secret', ?)", Buffer.alloc(32, 7));
  run("INSERT INTO settings (key, value) VALUES ('autoLockMinutes', '5')");
  let previousHash = GENESIS_HASH_V2;
  for (const [id, action] of [
    [1, 'vault.created'],
    [2, 'vault.unlocked'],
  ] as const) {
    const row = { id, occurred_at: NOW, actor: 'Programmaleider', action, details: '{}' };
    if (version < 2) {
      run('INSERT INTO audit_log (id, occurred_at, actor, action, details) VALUES (?, ?, ?, ?, ?)', row.id, row.occurred_at, row.actor, row.action, row.details);
    } else {
      previousHash = auditEntryHashV2(previousHash, row);
      run(
        'INSERT INTO audit_log (id, occurred_at, actor, action, details, hash) VALUES (?, ?, ?, ?, ?, ?)',
        row.id,
        row.occurred_at,
        row.actor,
        row.action,
        row.details,
        previousHash,
      );
    }
  }
  if (version < 3) return;

  const grading = "'B', 2, 'AMBER'";
  run("INSERT INTO phenomena (id, code, parent_id, label, position, is_seed) VALUES (100, 'eigen_fenomeen', NULL, 'Eigen fenomeen', 100, 0)");
  run('INSERT INTO dossier_number_counters (year, last_sequence) VALUES (2026, 1)');
  run(
    `INSERT INTO dossiers (id, year, sequence, title, summary, priority, owner, status, tlp, opened_on, created_at, updated_at)
     VALUES (1, 2026, 1, 'Hennepkwekerij Dorpsstraat', 'Geur en warmte', 'hoog', 'Programmaleider', 'in_opwerking', 'AMBER', '2026-03-01', ?, ?)`,
    NOW,
    NOW,
  );
  run("INSERT INTO dossier_phenomena (dossier_id, phenomenon_id) SELECT 1, id FROM phenomena WHERE code IN ('drugs.hennepteelt', 'eigen_fenomeen')");
  run("INSERT INTO dossier_partners (dossier_id, partner) VALUES (1, 'politie')");
  run(
    "INSERT INTO dossier_status_changes (dossier_id, from_status, to_status, changed_on, recorded_at, actor) VALUES (1, 'ontvangen', 'in_opwerking', '2026-03-01', ?, 'P')",
    NOW,
  );
  run(
    `INSERT INTO signals (id, received_on, how_received, reporter_name, summary, description, location, phenomenon_id, source_grade, information_grade, tlp, dossier_id, created_at, updated_at)
     VALUES (1, '2026-02-27', 'meldpunt', 'Buurman', 'Stroomverbruik hoog', 'Ramen afgeplakt', 'Dorpsstraat 1', (SELECT id FROM phenomena WHERE code = 'drugs.hennepteelt'), ${grading}, 1, ?, ?),
            (2, '2026-02-28', 'telefoon', NULL, 'Losse melding café', NULL, NULL, NULL, ${grading}, NULL, ?, ?)`,
    NOW,
    NOW,
    NOW,
    NOW,
  );
  const subject = run.bind(
    null,
    `INSERT INTO subjects (id, type, label, details, source_grade, information_grade, tlp, created_at, updated_at) VALUES (?, 'person', ?, ?, ${grading}, '${NOW}', '${NOW}')`,
  );
  subject(1, 'Jan Jansen', '{"type":"person","name":"Jan Jansen","bsn":"111222333"}');
  subject(2, 'Melder Mulder', '{"type":"person","name":"Melder Mulder"}');
  subject(3, 'Piet Pietersen', '{"type":"person","name":"Piet Pietersen"}');
  run("INSERT INTO subject_match_keys (subject_id, kind, value) VALUES (1, 'bsn', '111222333')");
  run(
    `INSERT INTO subject_dossier_links (subject_id, dossier_id, role, source_grade, information_grade, tlp, created_at) VALUES (1, 1, 'bewoner', ${grading}, ?), (2, 1, 'melder', ${grading}, ?)`,
    NOW,
    NOW,
  );
  run(`INSERT INTO subject_links (from_subject_id, to_subject_id, kind, source_grade, information_grade, tlp, created_at) VALUES (1, 3, 'family_of', ${grading}, ?)`, NOW);
  run(
    `INSERT INTO dossier_notes (id, dossier_id, noted_on, author, body, source_grade, information_grade, tlp, internal, created_at) VALUES (1, 1, '2026-03-02', 'P', 'Overleg met wijkagent', ${grading}, 1, ?)`,
    NOW,
  );
  run("INSERT INTO measures (dossier_id, kind, stage, tlp, created_at, updated_at) VALUES (1, 'bestuurlijke_rapportage', 'gepland', 'AMBER', ?, ?)", NOW, NOW);
  if (version < 4) return;

  const content = Buffer.from('foto van de meterkast');
  run(
    `INSERT INTO attachments (id, dossier_id, file_name, media_type, byte_size, sha256, chunk_size, added_at, added_by, source_grade, information_grade, tlp)
     VALUES (1, 1, 'meterkast.jpg', 'image/jpeg', ?, ?, 1048576, ?, 'P', ${grading})`,
    content.length,
    crypto.createHash('sha256').update(content).digest('hex'),
    NOW,
  );
  run('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (1, 0, ?)', content);
  if (version < 7) return;

  run("INSERT INTO bundle_item_uids (kind, item_id, uid) VALUES ('dossier', 1, '0b5e1f7c-6a51-4f43-8f0e-2f9b1c3d4e5f')");
  run(
    `INSERT INTO bundle_partners (name, organisation, age_recipient, signing_key, fingerprint, added_at) VALUES ('RIEC', 'RIEC Oost', ?, ?, ?, ?)`,
    `age1${'q'.repeat(58)}`,
    'A'.repeat(43) + '=',
    'ab'.repeat(32),
    NOW,
  );
  if (version < 8) return;

  run("INSERT INTO documents (id, dossier_id, kind, title, created_at, created_by) VALUES (1, 1, 'preweeg', 'Preweeg Dorpsstraat', ?, 'P')", NOW);
  run(`INSERT INTO document_versions (document_id, version, origin, tlp, content, saved_at, saved_by) VALUES (1, 1, 'composed', 'AMBER', '{"sections":{}}', ?, 'P')`, NOW);
  if (version < 9) return;

  run("INSERT INTO meetings (id, kind, title, held_on, tlp, created_at, updated_at) VALUES (1, 'casustafel', 'Casustafel maart', '2026-03-05', 'AMBER', ?, ?)", NOW, NOW);
  run("INSERT INTO meeting_items (id, meeting_id, position, dossier_id, summary) VALUES (1, 1, 1, 1, 'Dorpsstraat')");
  run("INSERT INTO meeting_actions (item_id, who, what, due_on, created_at) VALUES (1, 'P', 'Controle plannen', '2026-03-20', ?)", NOW);
}

/** What a search can find after the upgrade, given the user data written at `version`. */
function expectedSearchEntries(version: number): string[] {
  if (version < 3) return [];
  // The subject linked only as melder (2) stays out: its name is the reporter's.
  const entries = ['dossier:1', 'note:1', 'signal:1', 'signal:2', 'subject:1', 'subject:3'];
  if (version >= 4) entries.push('attachment:1');
  return entries.sort();
}

/** Ordinary tables only: FTS5's shadow tables hold the index's pages, which depend on its write history. */
function ordinaryTablesOf(db: Connection): string[] {
  return tablesOf(db)
    .filter((table) => table.type === 'table')
    .map((table) => table.name);
}

function integrityProblems(db: Connection): unknown[] {
  const problems: unknown[] = [];
  const integrity = db.pragma('integrity_check', { simple: true });
  if (integrity !== 'ok') problems.push(integrity);
  problems.push(...(db.pragma('foreign_key_check') as unknown[]));
  return problems;
}

/**
 * Compares an upgraded vault with user data to a new one, seed table by seed table: the upgraded
 * table must hold exactly the new vault's seeds plus the rows the user had before (which are told
 * apart by comparing with a vault at the same version without user data).
 */
function seedDifferences(upgraded: Connection, fresh: TableRows, userRowsByTable: ReadonlyMap<string, { columns: string[]; rows: string[] }>): Record<string, unknown> {
  const differences: Record<string, unknown> = {};
  const ordinary = new Set(ordinaryTablesOf(upgraded));
  for (const [table, seeds] of Object.entries(fresh)) {
    if (!ordinary.has(table)) continue;
    const user = userRowsByTable.get(table);
    const remainingUserRows = new Map<string, number>();
    for (const row of user?.rows ?? []) remainingUserRows.set(row, (remainingUserRows.get(row) ?? 0) + 1);
    const columns = columnsOf(upgraded, table);
    const notTheUsers: string[] = [];
    for (const record of recordsOf(upgraded, table)) {
      const asUserRow = user ? describeRow(table, user.columns, record) : null;
      const left = asUserRow === null ? 0 : (remainingUserRows.get(asUserRow) ?? 0);
      if (left > 0) remainingUserRows.set(asUserRow!, left - 1);
      else notTheUsers.push(describeRow(table, columns, record));
    }
    notTheUsers.sort();
    const lostUserRows = [...remainingUserRows].filter(([, count]) => count > 0);
    if (JSON.stringify(notTheUsers) !== JSON.stringify(seeds) || lostUserRows.length > 0) {
      differences[table] = { missingSeeds: rowsWithout(seeds, notTheUsers), unexpectedRows: rowsWithout(notTheUsers, seeds), lostUserRows };
    }
  }
  return differences;
}

/** Everything about a vault that the comparisons below look at. */
function describeNewVault(migrations: readonly Migration[]) {
  const db = vaultAfter(migrations);
  const result = { version: schemaVersionOf(db), schema: schemaOf(db), seeds: nonEmptyTableRows(db) };
  db.close();
  return result;
}

const earlierVersions = MIGRATIONS.slice(0, -1).map((migration, index) => ({ version: migration.version, applied: MIGRATIONS.slice(0, index + 1) }));

describe('a vault upgraded from any earlier version equals a new one', () => {
  let fresh: ReturnType<typeof describeNewVault>;
  beforeAll(() => {
    fresh = describeNewVault(MIGRATIONS);
  });

  it('a new vault runs every migration in the index and gets seeds', () => {
    expect(fresh.version).toBe(LATEST);
    // The tables the migrations seed: the phenomena (0003) and the bundle identity (0007), besides FTS5's own.
    expect(Object.keys(fresh.seeds)).toEqual(expect.arrayContaining(['phenomena', 'vault_secret']));
  });

  it('two new vaults dump the same (the random identity keys count by size only)', () => {
    expect(describeNewVault(MIGRATIONS)).toEqual(fresh);
  });

  it.each(earlierVersions)('from version $version without user data: same schema, same rows in every table', ({ applied }) => {
    const db = vaultAfter(applied);
    expect(applyMigrations(db)).toBe(LATEST);
    expect(schemaOf(db)).toEqual(fresh.schema);
    expect(nonEmptyTableRows(db)).toEqual(fresh.seeds);
    expect(integrityProblems(db)).toEqual([]);
    db.close();
  });

  it.each(earlierVersions)('from version $version with user data: same schema and seeds, the data kept and migrated', ({ version, applied }) => {
    // The same version without user data tells the user's rows apart from the seeds of that version.
    const plain = vaultAfter(applied);
    const db = vaultAfter(applied);
    writeUserData(db, version);

    const before = new Map<string, { columns: string[]; rows: string[] }>();
    const userRows = new Map<string, { columns: string[]; rows: string[] }>();
    for (const table of ordinaryTablesOf(db)) {
      const columns = columnsOf(db, table);
      const rows = rowsOf(db, table, columns);
      before.set(table, { columns, rows });
      userRows.set(table, { columns, rows: rowsWithout(rows, rowsOf(plain, table, columns)) });
    }
    plain.close();

    expect(applyMigrations(db)).toBe(LATEST);
    expect(schemaOf(db)).toEqual(fresh.schema);
    expect(seedDifferences(db, fresh.seeds, userRows)).toEqual({});

    // Every row the user had is still there, with the values it had (new columns aside). A later
    // migration that rewrites existing values on purpose has to say so here.
    for (const [table, { columns, rows }] of before) {
      expect(hasTable(db, table), table).toBe(true);
      const after = rowsOf(db, table, columns);
      if (table in fresh.seeds) expect(rowsWithout(rows, after), table).toEqual([]);
      else expect(after, table).toEqual(rows);
    }

    // The data migrations ran on what was there.
    expect(verifyAuditChain(db)).toEqual({ intact: true, entries: 2 });
    const found = db.prepare("SELECT kind || ':' || item_id FROM search_index ORDER BY 1").pluck().all();
    expect(found).toEqual(expectedSearchEntries(version));
    if (version >= 3) {
      expect(db.prepare("SELECT kind FROM search_index WHERE search_index MATCH 'cafe'").pluck().all()).toEqual(['signal']);
      expect(db.prepare("SELECT count(*) FROM search_index WHERE search_index MATCH 'mulder'").pluck().get()).toBe(0);
    }
    db.exec("INSERT INTO search_index (search_index) VALUES ('integrity-check')");
    expect(loadVaultKeys(db).ageRecipient).toMatch(/^age1/);
    expect(integrityProblems(db)).toEqual([]);
    db.close();
  });

  it('a new vault gets the phenomena shared/domain lists: a seed added or relabelled there needs a migration', () => {
    const db = vaultAfter(MIGRATIONS);
    const seeded = db
      .prepare('SELECT p.code, p.label, parent.code AS parent FROM phenomena p LEFT JOIN phenomena parent ON parent.id = p.parent_id WHERE p.is_seed = 1 ORDER BY p.position')
      .all();
    db.close();
    const listed = PHENOMENON_SEEDS.flatMap((seed) => [
      { code: seed.code, label: PHENOMENON_LABELS_NL[seed.code], parent: null },
      ...seed.subForms.map((subForm) => ({ code: subFormCode(seed.code, subForm), label: PHENOMENON_LABELS_NL[subFormCode(seed.code, subForm)], parent: seed.code })),
    ]);
    expect(seeded).toEqual(listed);
  });

  it(`a new vault at version ${FROZEN_AT} is what it was before the migrations were frozen`, () => {
    const atFreeze = describeNewVault(MIGRATIONS.filter((migration) => migration.version <= FROZEN_AT));
    expect(atFreeze.version).toBe(FROZEN_EXPECTATION.version);
    expect(atFreeze.schema).toEqual(FROZEN_EXPECTATION.schema);
    expect(atFreeze.seeds).toEqual(FROZEN_EXPECTATION.seeds);
  });
});

describe('the comparison', () => {
  it('notices an older vault whose migration seeded from code that has changed since', () => {
    // What a migration importing live code amounts to: the older app ran it with the code of then,
    // a new vault runs it with the code of now.
    const [first, ...rest] = MIGRATIONS;
    const seedingFrom = (language: string): Migration => ({
      ...first!,
      up: (db) => {
        first!.up(db);
        db.prepare("INSERT INTO settings (key, value) VALUES ('language', ?)").run(language);
      },
    });
    const older = vaultAfter([seedingFrom('nl'), ...rest.slice(0, -1)]);
    const today = [seedingFrom('en'), ...rest];
    expect(applyMigrations(older, today)).toBe(LATEST);
    const fresh = describeNewVault(today);
    expect(schemaOf(older)).toEqual(fresh.schema);
    expect(seedDifferences(older, fresh.seeds, new Map())).toEqual({
      settings: { missingSeeds: ['["language","en"]'], unexpectedRows: ['["language","nl"]'], lostUserRows: [] },
    });
    older.close();
  });
});
