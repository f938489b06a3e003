import type { TrashItem, TrashKind } from '../../../shared/api/dossier-types';
import { TRASH_KINDS } from '../../../shared/api/dossier-types';
import { inTransaction, notFound, timestamp, type CoreContext } from '../kernel/context';

/**
 * Deleting puts an item in the trash (its `deleted_at` is set): it disappears from every list and
 * lookup, and what hangs under it (a dossier's signals, notes, measures, attachments and links; a
 * subject's links and match keys) disappears with it, untouched, so that a restore brings
 * everything back. Emptying the trash destroys the rows and, through the foreign keys, everything
 * under them (an attachment's chunks too); secure_delete overwrites the freed pages. Only the
 * audit entries remain.
 */

interface TrashTable {
  table: string;
  /** What the trash list shows for an item of this kind. */
  label: string;
  /** Items under a dossier: trashing or restoring one is a change of that dossier (its `updated_at` moves). */
  underDossier: boolean;
}

const TRASH_TABLES: Record<TrashKind, TrashTable> = {
  signal: { table: 'signals', label: 'summary', underDossier: true },
  dossier: { table: 'dossiers', label: "number || ' ' || title", underDossier: false },
  subject: { table: 'subjects', label: 'label', underDossier: false },
  note: { table: 'dossier_notes', label: 'substr(body, 1, 80)', underDossier: true },
  measure: { table: 'measures', label: 'kind', underDossier: true },
  attachment: { table: 'attachments', label: 'file_name', underDossier: true },
};

/** Move the `updated_at` of the dossier the item hangs under, if any (a loose signal has none). */
function touchParentDossier(context: CoreContext, kind: TrashKind, id: number): void {
  const { table, underDossier } = TRASH_TABLES[kind];
  if (!underDossier) return;
  context.db.prepare(`UPDATE dossiers SET updated_at = ? WHERE id = (SELECT dossier_id FROM ${table} WHERE id = ?)`).run(timestamp(context), id);
}

function labelOf(context: CoreContext, kind: TrashKind, id: number, inTrash: boolean): string {
  const { table, label } = TRASH_TABLES[kind];
  const found = context.db
    .prepare(`SELECT ${label} FROM ${table} WHERE id = ? AND deleted_at IS ${inTrash ? 'NOT NULL' : 'NULL'}`)
    .pluck()
    .get(id) as string | undefined;
  if (found === undefined) throw notFound(kind, id);
  return found;
}

export function moveToTrash(context: CoreContext, input: { kind: TrashKind; id: number }): TrashItem {
  return inTransaction(context, () => {
    const label = labelOf(context, input.kind, input.id, false);
    const deletedAt = timestamp(context);
    context.db.prepare(`UPDATE ${TRASH_TABLES[input.kind].table} SET deleted_at = ? WHERE id = ?`).run(deletedAt, input.id);
    touchParentDossier(context, input.kind, input.id);
    context.audit(`${input.kind}.trashed`, { id: input.id });
    return { kind: input.kind, id: input.id, label, deletedAt };
  });
}

export function restoreFromTrash(context: CoreContext, input: { kind: TrashKind; id: number }): { kind: TrashKind; id: number } {
  return inTransaction(context, () => {
    labelOf(context, input.kind, input.id, true);
    context.db.prepare(`UPDATE ${TRASH_TABLES[input.kind].table} SET deleted_at = NULL WHERE id = ?`).run(input.id);
    touchParentDossier(context, input.kind, input.id);
    context.audit(`${input.kind}.restored`, { id: input.id });
    return { kind: input.kind, id: input.id };
  });
}

/** Everything in the trash, most recently deleted first. */
export function listTrash(context: CoreContext): TrashItem[] {
  const union = TRASH_KINDS.map(
    (kind) => `SELECT '${kind}' AS kind, id, ${TRASH_TABLES[kind].label} AS label, deleted_at FROM ${TRASH_TABLES[kind].table} WHERE deleted_at IS NOT NULL`,
  ).join(' UNION ALL ');
  const rows = context.db.prepare(`${union} ORDER BY deleted_at DESC, kind, id`).all() as Array<{
    kind: TrashKind;
    id: number;
    label: string;
    deleted_at: string;
  }>;
  return rows.map((row) => ({ kind: row.kind, id: row.id, label: row.label, deletedAt: row.deleted_at }));
}

/** Children before parents, so that each count is of items that were in the trash themselves. */
const DESTRUCTION_ORDER: readonly TrashKind[] = ['attachment', 'note', 'measure', 'signal', 'subject', 'dossier'];

export function emptyTrash(context: CoreContext): { destroyed: Record<TrashKind, number> } {
  const destroyed = inTransaction(context, () => {
    const ids = Object.fromEntries(
      TRASH_KINDS.map((kind) => [kind, context.db.prepare(`SELECT id FROM ${TRASH_TABLES[kind].table} WHERE deleted_at IS NOT NULL ORDER BY id`).pluck().all() as number[]]),
    ) as Record<TrashKind, number[]>;
    const counts = {} as Record<TrashKind, number>;
    for (const kind of DESTRUCTION_ORDER) {
      counts[kind] = context.db.prepare(`DELETE FROM ${TRASH_TABLES[kind].table} WHERE deleted_at IS NOT NULL`).run().changes;
    }
    context.audit('trash.emptied', { destroyed: ids });
    return counts;
  });
  // The WAL still holds the old pages (encrypted, but whole): fold it into the overwritten file now.
  context.db.pragma('wal_checkpoint(TRUNCATE)');
  return { destroyed };
}
