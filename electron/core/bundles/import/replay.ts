import { formatDateTime } from '../../../../shared/domain/dates';
import type { BundleDossierPreview, ImportResult } from '../../../../shared/api/bundles';
import { CoreError } from '../../kernel/errors';
import type { Connection } from '../../vault/connection';
import type { ItemKind } from '../item-uids';
import type { Manifest } from '../format';

/**
 * Replay (docs/bundle-format.md, section 7a): a bundle is imported once, and an older bundle never
 * rolls back what a newer one from the same sender brought. Times are compared only between
 * bundles of one sender (its own `createdAt`, one clock); the receiving vault's clock and other
 * senders' clocks are never compared with it.
 */

export interface NewerImport {
  bundleId: string;
  bundleCreatedAt: string;
  importedAt: string;
}

/** BUNDLE_ALREADY_IMPORTED when this vault imported this bundle (same id, same sender) before. */
export function refuseRepeatedImport(db: Connection, manifest: Manifest): void {
  const earlier = db
    .prepare('SELECT imported_at, imported_by FROM bundle_imports WHERE bundle_id = ? AND sender_fingerprint = ? ORDER BY id LIMIT 1')
    .get(manifest.bundleId, manifest.sender.fingerprint) as { imported_at: string; imported_by: string } | undefined;
  if (!earlier) return;
  throw new CoreError('BUNDLE_ALREADY_IMPORTED', `bundle ${manifest.bundleId} was imported on ${earlier.imported_at}`, {
    bundleId: manifest.bundleId,
    importedAt: earlier.imported_at,
    importedBy: earlier.imported_by,
    importedOn: formatDateTime(earlier.imported_at, 'nl'),
    importedOnEn: formatDateTime(earlier.imported_at, 'en'),
  });
}

/**
 * The newest import from this sender that created or updated the item, when its bundle is newer
 * than `createdAt`; else null.
 */
export function newerImportOf(db: Connection, kind: ItemKind, itemId: number, senderFingerprint: string, createdAt: string): NewerImport | null {
  const rows = db
    .prepare(
      `SELECT i.bundle_id, i.bundle_created_at, i.imported_at
         FROM bundle_provenance p JOIN bundle_imports i ON i.id = p.import_id
        WHERE p.kind = ? AND p.item_id = ? AND p.effect IN ('created', 'updated') AND i.sender_fingerprint = ?`,
    )
    .all(kind, itemId, senderFingerprint) as Array<{ bundle_id: string; bundle_created_at: string; imported_at: string }>;
  const limit = Date.parse(createdAt);
  let newest: (typeof rows)[number] | null = null;
  for (const row of rows) {
    if (Date.parse(row.bundle_created_at) > limit && (newest === null || Date.parse(row.bundle_created_at) > Date.parse(newest.bundle_created_at))) newest = row;
  }
  return newest && { bundleId: newest.bundle_id, bundleCreatedAt: newest.bundle_created_at, importedAt: newest.imported_at };
}

export type KeptNewer = ImportResult['keptNewer'];

/** During one import: whether a local item is newer than the bundle's copy, and how many were kept. */
export class ReplayGuard {
  readonly kept: KeptNewer = { dossiers: 0, signals: 0, notes: 0, measures: 0 };

  constructor(
    private readonly db: Connection,
    private readonly manifest: Manifest,
  ) {}

  /** True (and counted) when the item was last written by a newer bundle of this sender: the bundle's copy is not written over it. */
  keepsLocal(kind: 'dossier' | 'signal' | 'note' | 'measure', itemId: number): boolean {
    if (newerImportOf(this.db, kind, itemId, this.manifest.sender.fingerprint, this.manifest.createdAt) === null) return false;
    this.kept[`${kind}s`]++;
    return true;
  }
}

/** The inspection's dossiers, each with the newer bundle of this sender that wrote it, if any. */
export function withReplayWarnings(db: Connection, manifest: Manifest, previews: ReadonlyArray<Omit<BundleDossierPreview, 'newerFromSender'>>): BundleDossierPreview[] {
  return previews.map((preview) => ({
    ...preview,
    newerFromSender: preview.existing ? newerImportOf(db, 'dossier', preview.existing.id, manifest.sender.fingerprint, manifest.createdAt) : null,
  }));
}
