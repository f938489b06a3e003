import type { Migration } from './migration';

/** The vault's own tables: identity, the recovery secret, settings and the audit trail. */
export const migration0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE vault_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Secrets that must survive inside the encryption only (the recovery key, shown on demand).
      CREATE TABLE vault_secret (
        name  TEXT PRIMARY KEY,
        value BLOB NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      -- Who did what when: access, changes, exports and prints. Appended to, never updated.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        occurred_at TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        details     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
      ) STRICT;
      CREATE INDEX audit_log_occurred_at ON audit_log (occurred_at);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
