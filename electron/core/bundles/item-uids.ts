import crypto from 'node:crypto';
import type { ExportItemKind, Provenance, ProvenanceKind } from '../../../shared/api/bundles';
import type { Connection } from '../vault/connection';

/**
 * Stable ids of items that travel in bundles (migration 0007, `bundle_item_uids`). An item gets
 * one the first time it is exported, or keeps the one it arrived with, so that the same dossier
 * or subject is recognised when it comes back.
 */

export type ItemKind = ExportItemKind;

export function uidOf(db: Connection, kind: ItemKind, itemId: number): string | null {
  return (db.prepare('SELECT uid FROM bundle_item_uids WHERE kind = ? AND item_id = ?').pluck().get(kind, itemId) as string | undefined) ?? null;
}

/** The item's uid, made now if it has none. Runs inside the export's transaction. */
export function ensureUid(db: Connection, kind: ItemKind, itemId: number): string {
  const existing = uidOf(db, kind, itemId);
  if (existing) return existing;
  const uid = crypto.randomUUID();
  db.prepare('INSERT INTO bundle_item_uids (kind, item_id, uid) VALUES (?, ?, ?)').run(kind, itemId, uid);
  return uid;
}

export function itemByUid(db: Connection, kind: ItemKind, uid: string): number | null {
  return (db.prepare('SELECT item_id FROM bundle_item_uids WHERE kind = ? AND uid = ?').pluck().get(kind, uid) as number | undefined) ?? null;
}

/** Give the item this uid if neither the item nor the uid is taken; otherwise leave both as they are. */
export function claimUid(db: Connection, kind: ItemKind, itemId: number, uid: string): boolean {
  if (itemByUid(db, kind, uid) !== null || uidOf(db, kind, itemId) !== null) return false;
  db.prepare('INSERT INTO bundle_item_uids (kind, item_id, uid) VALUES (?, ?, ?)').run(kind, itemId, uid);
  return true;
}

/** A new item from a bundle: its own uid when free, else a fresh one (the origin stays in its provenance). */
export function assignImportedUid(db: Connection, kind: ItemKind, itemId: number, uid: string): void {
  if (!claimUid(db, kind, itemId, uid)) ensureUid(db, kind, itemId);
}

export function recordProvenance(
  db: Connection,
  row: { kind: ItemKind; itemId: number; importId: number; originUid: string; originNumber?: string | null; effect: 'created' | 'updated' | 'linked' },
): void {
  db.prepare(
    `INSERT INTO bundle_provenance (kind, item_id, import_id, origin_uid, origin_number, effect) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (kind, item_id, import_id) DO NOTHING`,
  ).run(row.kind, row.itemId, row.importId, row.originUid, row.originNumber ?? null, row.effect);
}

export function provenanceOf(db: Connection, kind: ProvenanceKind, itemId: number): Provenance[] {
  const rows = db
    .prepare(
      `SELECT i.bundle_id, i.sender_name, i.sender_organisation, i.sender_fingerprint, i.bundle_created_at, i.imported_at, i.imported_by,
              p.origin_uid, p.origin_number
         FROM bundle_provenance p JOIN bundle_imports i ON i.id = p.import_id
        WHERE p.kind = ? AND p.item_id = ?
        ORDER BY i.id`,
    )
    .all(kind, itemId) as Array<Record<string, string | null>>;
  return rows.map((row) => ({
    bundleId: row.bundle_id!,
    senderName: row.sender_name!,
    senderOrganisation: row.sender_organisation!,
    senderFingerprint: row.sender_fingerprint!,
    bundleCreatedAt: row.bundle_created_at!,
    importedAt: row.imported_at!,
    importedBy: row.imported_by!,
    originUid: row.origin_uid!,
    originNumber: row.origin_number ?? null,
  }));
}
