import type { Migration } from './migration';

/**
 * Preweegdocumenten: a document per dossier, and its versions.
 *
 * - A version is never changed after it was saved (a trigger refuses updates): "version 3 as
 *   printed on 12 May" stays what it was. Editing saves the next version.
 * - The sections, what was included and what was left out are one JSON object per version
 *   (`content`): the ten sections are always read and written together, and a new section in a
 *   later release needs no table rebuild. The handling code is a column, checked like elsewhere.
 * - A document goes with its dossier: hidden with it in the trash, destroyed with it (cascade).
 *   Version numbers count per document and are unique within it.
 */
export const migration0008Documents: Migration = {
  version: 8,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE documents (
        id          INTEGER PRIMARY KEY,
        dossier_id  INTEGER NOT NULL REFERENCES dossiers (id) ON DELETE CASCADE,
        kind        TEXT NOT NULL CHECK (kind IN ('preweeg')),
        title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_dossier ON documents (dossier_id, id);

      CREATE TABLE document_versions (
        id          INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        version     INTEGER NOT NULL CHECK (version > 0),
        origin      TEXT NOT NULL CHECK (origin IN ('composed', 'edited')),
        tlp         TEXT NOT NULL CHECK (tlp IN ('RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR')),
        content     TEXT NOT NULL CHECK (json_valid(content)),
        comment     TEXT,
        saved_at    TEXT NOT NULL,
        saved_by    TEXT NOT NULL,
        UNIQUE (document_id, version)
      ) STRICT;
      CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions
      BEGIN SELECT RAISE(ABORT, 'document_versions is append-only'); END;
    `);
  },
};
