import { CoreError } from '../../kernel/errors';
import type { Connection } from '../connection';
import type { Migration } from './migration';
import { migration0001Initial } from './0001-initial';
import { migration0002AuditChain } from './0002-audit-chain';
import { migration0003Dossiers } from './0003-dossiers';
import { migration0004Attachments } from './0004-attachments';
import { migration0005ListIndexes } from './0005-list-indexes';
import { migration0006Search } from './0006-search';
import { migration0007Bundles } from './0007-bundles';
import { migration0008Documents } from './0008-documents';
import { migration0009Meetings } from './0009-meetings';
import { migration0010RetentionIndexes } from './0010-retention-indexes';
import { migration0011AuditSubjects } from './0011-audit-subjects';
import { migration0012SharingRegime } from './0012-sharing-regime';

/**
 * A new migration is a new file, never an edit of an old one. It imports no live code (a lint rule
 * says so): what it needs is copied into it or into frozen/, so that a new vault gets what the
 * vaults it upgraded got when it shipped. Sorted by version here, so that
 * migrations written in parallel branches apply in their order
 * whatever order their lines were merged in; two with one version are a build error, not a guess.
 */
export const MIGRATIONS: readonly Migration[] = inVersionOrder([
  migration0001Initial,
  migration0002AuditChain,
  migration0003Dossiers,
  migration0004Attachments,
  migration0005ListIndexes,
  migration0006Search,
  migration0007Bundles,
  migration0008Documents,
  migration0009Meetings,
  migration0010RetentionIndexes,
  migration0011AuditSubjects,
  migration0012SharingRegime,
]);

function inVersionOrder(migrations: Migration[]): readonly Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((migration, index) => {
    if (index > 0 && sorted[index - 1]!.version === migration.version) throw new Error(`two migrations have version ${migration.version}`);
  });
  return sorted;
}

export const LATEST_SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export function schemaVersionOf(db: Connection): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Refuse a vault written by a newer Dossierkluis before anything touches it. */
export function assertSchemaNotTooNew(db: Connection): void {
  const version = schemaVersionOf(db);
  if (version > LATEST_SCHEMA_VERSION) {
    throw new CoreError('VAULT_TOO_NEW', `vault schema ${version} is newer than this app's ${LATEST_SCHEMA_VERSION}`, {
      vaultVersion: version,
      appVersion: LATEST_SCHEMA_VERSION,
    });
  }
}

/** Apply every pending migration in one transaction: a vault is at one version or the next, never between. */
export function applyMigrations(db: Connection, migrations: readonly Migration[] = MIGRATIONS): number {
  assertSchemaNotTooNew(db);
  const current = schemaVersionOf(db);
  const pending = migrations.filter((migration) => migration.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return schemaVersionOf(db);
}
