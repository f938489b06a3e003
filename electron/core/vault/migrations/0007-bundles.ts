import crypto from 'node:crypto';
import type { Connection } from '../connection';
import type { Migration } from './migration';

/**
 * Encrypted, signed dossier bundles (the format is described in docs/bundle-format.md).
 *
 * - The vault's identity: an age X25519 key pair and an Ed25519 signing key, generated here (for
 *   a new vault as much as for an existing one) and kept in `vault_secret` as PKCS#8, inside the
 *   encryption. Everything public (the age recipient, the fingerprint, the partner card) is derived.
 * - `bundle_partners`, the address book: partners' public keys and the date the fingerprint was
 *   compared with them (`verified_at`, by `verified_by`). Each key occurs once.
 * - `bundle_item_uids`: a stable random id per item that has travelled in a bundle, assigned
 *   when it is first exported (or taken from the bundle when imported), so that the same dossier
 *   sent twice is recognised ("update") and a subject that went out and came back is the same one.
 *   Kept apart from the item tables: only items that travelled have one, and the tables of the
 *   dossier domain stay as they are.
 * - `bundle_imports` and `bundle_provenance`: every import (bundle id, sender, dates) and every
 *   item it created, updated or linked, with the item's id in the bundle and, for a dossier, its
 *   number at the sender.
 * - Triggers remove an item's uid and provenance rows with the item: rowids can be reused after
 *   the last row of a table is destroyed, and a stale uid would then name the wrong item.
 */
const ITEM_TABLES: ReadonlyArray<[table: string, kind: string]> = [
  ['dossiers', 'dossier'],
  ['signals', 'signal'],
  ['subjects', 'subject'],
  ['dossier_notes', 'note'],
  ['measures', 'measure'],
  ['attachments', 'attachment'],
  ['subject_dossier_links', 'dossier-link'],
  ['subject_links', 'subject-link'],
];

/**
 * The vault's identity as this migration first stored it: fresh key pairs as PKCS#8 DER under
 * these names in `vault_secret`. Copied from electron/core/bundles/identity.ts rather than
 * imported, so that a later change there (another key type, other names) cannot make a new vault
 * differ from an upgraded one; such a change needs a migration of its own.
 */
function createVaultIdentity(db: Connection): void {
  const x25519 = crypto.generateKeyPairSync('x25519').privateKey.export({ format: 'der', type: 'pkcs8' });
  const ed25519 = crypto.generateKeyPairSync('ed25519').privateKey.export({ format: 'der', type: 'pkcs8' });
  const insert = db.prepare('INSERT INTO vault_secret (name, value) VALUES (?, ?)');
  insert.run('bundle_x25519_key', x25519);
  insert.run('bundle_ed25519_key', ed25519);
  x25519.fill(0);
  ed25519.fill(0);
}

export const migration0007Bundles: Migration = {
  version: 7,
  name: 'bundles',
  up(db) {
    const kinds = ITEM_TABLES.map(([, kind]) => `'${kind}'`).join(', ');
    db.exec(`
      CREATE TABLE bundle_partners (
        id            INTEGER PRIMARY KEY,
        name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        organisation  TEXT NOT NULL CHECK (length(organisation) <= 200),
        age_recipient TEXT NOT NULL UNIQUE CHECK (age_recipient GLOB 'age1*'),
        signing_key   TEXT NOT NULL UNIQUE CHECK (length(signing_key) = 44),
        fingerprint   TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
        added_at      TEXT NOT NULL,
        verified_at   TEXT,
        verified_by   TEXT,
        CHECK ((verified_at IS NULL) = (verified_by IS NULL))
      ) STRICT;

      CREATE TABLE bundle_item_uids (
        kind    TEXT NOT NULL CHECK (kind IN (${kinds})),
        item_id INTEGER NOT NULL,
        uid     TEXT NOT NULL CHECK (length(uid) = 36),
        PRIMARY KEY (kind, item_id),
        UNIQUE (kind, uid)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE bundle_imports (
        id                  INTEGER PRIMARY KEY,
        bundle_id           TEXT NOT NULL,
        manifest_sha256     TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
        sender_name         TEXT NOT NULL,
        sender_organisation TEXT NOT NULL,
        sender_fingerprint  TEXT NOT NULL CHECK (length(sender_fingerprint) = 64),
        bundle_created_at   TEXT NOT NULL,
        imported_at         TEXT NOT NULL,
        imported_by         TEXT NOT NULL
      ) STRICT;

      CREATE TABLE bundle_provenance (
        kind          TEXT NOT NULL CHECK (kind IN (${kinds})),
        item_id       INTEGER NOT NULL,
        import_id     INTEGER NOT NULL REFERENCES bundle_imports (id),
        origin_uid    TEXT NOT NULL,
        origin_number TEXT,
        effect        TEXT NOT NULL CHECK (effect IN ('created', 'updated', 'linked')),
        PRIMARY KEY (kind, item_id, import_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX bundle_provenance_by_import ON bundle_provenance (import_id);
    `);
    for (const [table, kind] of ITEM_TABLES) {
      db.exec(`
        CREATE TRIGGER bundle_forget_${table} AFTER DELETE ON ${table} BEGIN
          DELETE FROM bundle_item_uids WHERE kind = '${kind}' AND item_id = old.id;
          DELETE FROM bundle_provenance WHERE kind = '${kind}' AND item_id = old.id;
        END;
      `);
    }
    createVaultIdentity(db);
  },
};
