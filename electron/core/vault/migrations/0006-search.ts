import type { Migration } from './migration';

/**
 * One search over signals, dossiers, subjects, notes and attachment names: an FTS5 table inside the encrypted vault, filled from the rows that exist and kept
 * current by triggers, so that no code path that writes a source row can forget it.
 *
 * Choices:
 * - One FTS5 table with `title` and `body` for every kind; `kind`, `item_id`, `dossier_id` and
 *   `internal` are UNINDEXED (they are returned, never matched). The tokenizer folds case and
 *   diacritics (`remove_diacritics 2`: "cafe" finds "café"); prefix indexes of 2 and 3 characters
 *   make the prefix queries of a search box ("hen", "henn…") cheap.
 * - The rowid encodes the item: `id * 8 + kind code` (signal 1, dossier 2, subject 3, note 4,
 *   attachment 5). A trigger finds an item's entry by rowid, not by a scan of the UNINDEXED columns.
 * - Trash: only rows with `deleted_at IS NULL` are in the index; moving to the trash removes the
 *   entry, a restore puts it back, emptying the trash (a real DELETE, also by cascade) removes it.
 *   Items under a trashed dossier keep their entries (as their rows are kept); the search hides them
 *   by their `dossier_id` (electron/core/dossiers/search.ts).
 * - Protected data stays out: a signal's reporter (`reporter_name`, `reporter_contact`) and its
 *   `origin` are not indexed. A subject is indexed by its `label` only (a name, an address, a
 *   kenteken, an IBAN, a number or an e-mail address: what lists show), never by its `details`, so
 *   a BSN or a birth date cannot be searched for. A subject linked to dossiers only as `melder`
 *   (the reporter's identity, electron/core/dossiers/links.ts) is left out entirely; the triggers
 *   on `subject_dossier_links` take it out or put it back when its links change. A subject without
 *   any link is indexed (it was entered as a subject, not as a reporter).
 * - Notes marked internal are indexed (they never leave the vault through the search) and carry
 *   `internal = 1`, so that the UI can mark them.
 * - Measures are not part of the search: a measure is found through its dossier, which is.
 */

interface Source {
  table: string;
  code: number;
  /** The columns whose change changes the entry. */
  watched: string;
  /** SELECT of the entry's columns (rowid, kind, item_id, dossier_id, internal, title, body) from `x`. */
  select: string;
  /** Extra condition, besides `x.deleted_at IS NULL`, for a row to be indexed. */
  where?: string;
}

const SUBJECT_NOT_ONLY_MELDER = `NOT (
      EXISTS (SELECT 1 FROM subject_dossier_links l WHERE l.subject_id = x.id AND l.role = 'melder')
      AND NOT EXISTS (SELECT 1 FROM subject_dossier_links l WHERE l.subject_id = x.id AND l.role <> 'melder'))`;

const SOURCES: readonly Source[] = [
  {
    table: 'signals',
    code: 1,
    watched: 'summary, description, location, dossier_id, deleted_at',
    select: `x.id * 8 + 1, 'signal', x.id, x.dossier_id, 0, x.summary, trim(coalesce(x.description, '') || ' ' || coalesce(x.location, ''))`,
  },
  {
    table: 'dossiers',
    code: 2,
    watched: 'title, summary, deleted_at',
    select: `x.id * 8 + 2, 'dossier', x.id, x.id, 0, x.number || ' ' || x.title, coalesce(x.summary, '')`,
  },
  {
    table: 'subjects',
    code: 3,
    watched: 'label, deleted_at',
    select: `x.id * 8 + 3, 'subject', x.id, NULL, 0, x.label, ''`,
    where: SUBJECT_NOT_ONLY_MELDER,
  },
  {
    table: 'dossier_notes',
    code: 4,
    watched: 'body, internal, dossier_id, deleted_at',
    select: `x.id * 8 + 4, 'note', x.id, x.dossier_id, x.internal, '', x.body`,
  },
  {
    table: 'attachments',
    code: 5,
    watched: 'file_name, dossier_id, deleted_at',
    select: `x.id * 8 + 5, 'attachment', x.id, x.dossier_id, 0, x.file_name, ''`,
  },
];

const INSERT_INTO = 'INSERT INTO search_index (rowid, kind, item_id, dossier_id, internal, title, body)';

function selectEntries(source: Source, idCondition?: string): string {
  const conditions = ['x.deleted_at IS NULL', source.where, idCondition].filter(Boolean).join(' AND ');
  return `SELECT ${source.select} FROM ${source.table} x WHERE ${conditions}`;
}

function triggersFor(source: Source): string {
  const name = `search_${source.table}`;
  const refresh = (id: string) => `
        DELETE FROM search_index WHERE rowid = ${id} * 8 + ${source.code};
        ${INSERT_INTO} ${selectEntries(source, `x.id = ${id}`)};`;
  return `
      CREATE TRIGGER ${name}_insert AFTER INSERT ON ${source.table} BEGIN
        ${INSERT_INTO} ${selectEntries(source, 'x.id = new.id')};
      END;
      CREATE TRIGGER ${name}_update AFTER UPDATE OF ${source.watched} ON ${source.table} BEGIN ${refresh('new.id')}
      END;
      CREATE TRIGGER ${name}_delete AFTER DELETE ON ${source.table} BEGIN
        DELETE FROM search_index WHERE rowid = old.id * 8 + ${source.code};
      END;`;
}

const SUBJECTS = SOURCES.find((source) => source.table === 'subjects')!;

/** A subject's entry follows its links: a subject linked only as melder leaves the index. */
function subjectLinkTriggers(): string {
  const refresh = (id: string) => `
        DELETE FROM search_index WHERE rowid = ${id} * 8 + ${SUBJECTS.code};
        ${INSERT_INTO} ${selectEntries(SUBJECTS, `x.id = ${id}`)};`;
  return `
      CREATE TRIGGER search_subject_links_insert AFTER INSERT ON subject_dossier_links BEGIN ${refresh('new.subject_id')}
      END;
      CREATE TRIGGER search_subject_links_update AFTER UPDATE OF subject_id, role ON subject_dossier_links BEGIN ${refresh('old.subject_id')} ${refresh('new.subject_id')}
      END;
      CREATE TRIGGER search_subject_links_delete AFTER DELETE ON subject_dossier_links BEGIN ${refresh('old.subject_id')}
      END;`;
}

export const migration0006Search: Migration = {
  version: 6,
  name: 'search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_index USING fts5 (
        kind UNINDEXED,
        item_id UNINDEXED,
        dossier_id UNINDEXED,
        internal UNINDEXED,
        title,
        body,
        tokenize = "unicode61 remove_diacritics 2",
        prefix = '2 3'
      );
    `);
    for (const source of SOURCES) db.exec(`${INSERT_INTO} ${selectEntries(source)};`);
    db.exec(SOURCES.map(triggersFor).join('\n') + subjectLinkTriggers());
  },
};
