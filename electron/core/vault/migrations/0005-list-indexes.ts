import type { Migration } from './migration';

/**
 * Indexes for the signal and dossier lists at 100,000 rows, so that they scroll without stutter. Each
 * serves a filter or a sort of `signal.list` / `dossier.list` (electron/core/dossiers/signals.ts,
 * dossiers.ts), so that a page is read from the index in order instead of sorting the table. All are
 * partial (`WHERE deleted_at IS NULL`), as the lists always spell out that condition: items in the
 * trash cost nothing, and the indexes stay small.
 *
 * - signals_by_phenomenon: signals of a phenomenon (or sub-form), by received date.
 * - signals_by_created: signals in the order they were entered (sort "createdAt").
 * - dossiers_by_updated, dossiers_by_opened: the sorts "updatedAt" and "openedOn".
 * - dossiers_by_owner: one owner's dossiers, in number order (the default sort).
 */
export const migration0005ListIndexes: Migration = {
  version: 5,
  name: 'list-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX signals_by_phenomenon ON signals (phenomenon_id, received_on, id) WHERE deleted_at IS NULL;
      CREATE INDEX signals_by_created ON signals (created_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX dossiers_by_updated ON dossiers (updated_at, id) WHERE deleted_at IS NULL;
      CREATE INDEX dossiers_by_opened ON dossiers (opened_on, id) WHERE deleted_at IS NULL;
      CREATE INDEX dossiers_by_owner ON dossiers (owner, year, sequence) WHERE deleted_at IS NULL;
    `);
  },
};
