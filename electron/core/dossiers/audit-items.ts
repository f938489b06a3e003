import { AUDIT_ITEM_KINDS, type AuditEntry, type AuditItem, type AuditItemKind, type AuditListEntry } from '../../../shared/api/audit';
import type { Connection } from '../vault/connection';

/**
 * The items an audit entry names, for the audit screen: the details hold ids only (the trail
 * outlives the content), so the screen asks here which of them can still be opened. Nothing of
 * the items' content is read, and looking is not itself recorded (reading the trail is).
 */

/** The detail keys that name an item, and the kind they name. */
const ITEM_KEYS: Readonly<Record<string, AuditItemKind>> = {
  dossierId: 'dossier',
  signalId: 'signal',
  subjectId: 'subject',
  keptSubjectId: 'subject',
  mergedSubjectId: 'subject',
  fromSubjectId: 'subject',
  toSubjectId: 'subject',
  noteId: 'note',
  attachmentId: 'attachment',
  measureId: 'measure',
};

/** `signal.trashed`, `dossier.restored`, ...: their `id` is an item of the kind the action names. */
const TRASH_ACTION = /^([a-z]+)\.(trashed|restored)$/;

const TABLES: Readonly<Record<AuditItemKind, string>> = {
  dossier: 'dossiers',
  signal: 'signals',
  subject: 'subjects',
  note: 'dossier_notes',
  attachment: 'attachments',
  measure: 'measures',
};

const isKind = (value: string): value is AuditItemKind => (AUDIT_ITEM_KINDS as readonly string[]).includes(value);
const isId = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

type NamedItem = Omit<AuditItem, 'present' | 'dossierId' | 'number'>;

export function namedItems(entry: AuditEntry): NamedItem[] {
  const items: NamedItem[] = [];
  const trashKind = TRASH_ACTION.exec(entry.action)?.[1];
  for (const [key, value] of Object.entries(entry.details)) {
    if (!isId(value)) continue;
    const kind = key === 'id' && trashKind && isKind(trashKind) ? trashKind : ITEM_KEYS[key];
    if (kind) items.push({ kind, id: value, key });
  }
  return items;
}

interface Found {
  present: boolean;
  dossierId: number | null;
  number: string | null;
}

/** The items of one kind among `ids` that still have a row, whether they can be opened, and where. */
function findOfKind(db: Connection, kind: AuditItemKind, ids: number[]): Map<number, Found> {
  const list = JSON.stringify(ids);
  const sql =
    kind === 'dossier'
      ? `SELECT id, id AS dossier_id, number, deleted_at IS NULL AS present FROM dossiers WHERE id IN (SELECT value FROM json_each(?))`
      : kind === 'subject'
        ? `SELECT id, NULL AS dossier_id, NULL AS number, deleted_at IS NULL AS present FROM subjects WHERE id IN (SELECT value FROM json_each(?))`
        : `SELECT x.id, x.dossier_id, NULL AS number, x.deleted_at IS NULL AND (x.dossier_id IS NULL OR d.deleted_at IS NULL) AS present
           FROM ${TABLES[kind]} x LEFT JOIN dossiers d ON d.id = x.dossier_id WHERE x.id IN (SELECT value FROM json_each(?))`;
  const rows = db.prepare(sql).all(list) as Array<{ id: number; dossier_id: number | null; number: string | null; present: number }>;
  return new Map(rows.map((row) => [row.id, { present: row.present === 1, dossierId: row.present === 1 ? row.dossier_id : null, number: row.number }]));
}

/** The entries with the items they name, each marked present or not: one query per kind for the whole page. */
export function withItems(db: Connection, entries: AuditEntry[]): AuditListEntry[] {
  const named = entries.map(namedItems);
  const found = new Map<AuditItemKind, Map<number, Found>>();
  for (const kind of AUDIT_ITEM_KINDS) {
    const ids = [
      ...new Set(
        named
          .flat()
          .filter((item) => item.kind === kind)
          .map((item) => item.id),
      ),
    ];
    if (ids.length > 0) found.set(kind, findOfKind(db, kind, ids));
  }
  return entries.map((entry, index) => ({
    ...entry,
    items: named[index]!.map((item) => ({ ...item, ...(found.get(item.kind)?.get(item.id) ?? { present: false, dossierId: null, number: null }) })),
  }));
}
