import type { Migration } from './migration';

/**
 * Attachments (photos, PDFs, e-mails, spreadsheets) inside the encrypted vault, so that there is
 * one file to protect, back up and destroy, and nothing decrypted lies on the disk beside it.
 *
 * Choices:
 * - The content is split into chunks of ATTACHMENT_CHUNK_SIZE (1 MiB, electron/core/attachments/
 *   chunking.ts) in `attachment_chunks`, one row per chunk: an import or export holds one chunk in
 *   memory at a time, and a preview reads only the chunks it needs. Each attachment records the
 *   chunk size it was written with, so that the constant can change later without rewriting old
 *   attachments.
 * - `attachment_chunks` is an ordinary rowid table, not WITHOUT ROWID: SQLite advises against
 *   WITHOUT ROWID for rows larger than a twentieth of a page, and a chunk is 256 pages.
 * - The row of an attachment and all its chunks are written in one transaction: an import that
 *   fails or is interrupted leaves nothing behind (electron/core/attachments/import.ts).
 * - `sha256` (lower-case hex) is computed while importing and checked on every export.
 * - `file_name` is the sanitised base name only: never a path, never a path separator.
 * - Grading and handling code as on notes; `deleted_at` puts an attachment in the trash as in 0003,
 *   and emptying the trash (or destroying its dossier) removes the chunks through the cascade,
 *   overwritten by secure_delete.
 */
export const migration0004Attachments: Migration = {
  version: 4,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id                INTEGER PRIMARY KEY,
        dossier_id        INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        file_name         TEXT NOT NULL CHECK (
                            length(file_name) BETWEEN 1 AND 255
                            AND instr(file_name, '/') = 0 AND instr(file_name, char(92)) = 0 AND instr(file_name, char(0)) = 0
                            AND file_name NOT IN ('.', '..')),
        media_type        TEXT NOT NULL CHECK (length(media_type) BETWEEN 3 AND 255 AND instr(media_type, '/') > 1),
        byte_size         INTEGER NOT NULL CHECK (byte_size >= 0),
        sha256            TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        chunk_size        INTEGER NOT NULL CHECK (chunk_size > 0),
        added_at          TEXT NOT NULL,
        added_by          TEXT NOT NULL,
        source_grade      TEXT NOT NULL CHECK (source_grade IN ('A', 'B', 'C', 'X')),
        information_grade INTEGER NOT NULL CHECK (information_grade BETWEEN 1 AND 4),
        tlp               TEXT NOT NULL CHECK (tlp IN ('RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR')),
        deleted_at        TEXT
      ) STRICT;
      CREATE INDEX attachments_by_dossier ON attachments (dossier_id, added_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX attachments_in_trash ON attachments (deleted_at) WHERE deleted_at IS NOT NULL;

      -- The content, in order. The primary key is also the index the cascade from attachments uses.
      CREATE TABLE attachment_chunks (
        attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL CHECK (seq >= 0),
        data          BLOB NOT NULL,
        PRIMARY KEY (attachment_id, seq)
      ) STRICT;
    `);
  },
};
