import type { ImportAction, ImportResult } from '../../../../shared/api/bundles';
import type { CoreContext } from '../../kernel/context';
import type { Connection } from '../../vault/connection';
import { writeProvenance, type ProvenanceKind } from '../../sharing/provenance';
import { assignImportedUid, itemByUid, recordProvenance, type ItemKind } from '../item-uids';
import type { ReplayGuard } from './replay';
import { importedProvenance, type BundleItemProvenance, type SupplierContext } from './supplier';

/** The local item with this uid in this dossier, if the import may update it (action 'update'). */
export function existingItemIn(db: Connection, kind: ItemKind, table: string, uid: string, dossierId: number, action: ImportAction): number | null {
  if (action !== 'update') return null;
  const id = itemByUid(db, kind, uid);
  if (id === null) return null;
  return db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND dossier_id = ? AND deleted_at IS NULL`).get(id, dossierId) ? id : null;
}

/**
 * What the parts of one bundle import share: the vault, the import's own row and time, the local
 * subjects the bundle's subjects became, and the tally of what was written. It exists only at the
 * import's end, when every row is written at once, inside the one transaction that importBundle
 * holds open around the whole read (import.ts).
 */
export class ImportSession {
  readonly created: ImportResult['created'] = { signals: 0, subjects: 0, notes: 0, measures: 0, attachments: 0, links: 0 };
  readonly updated: ImportResult['updated'] = { dossiers: 0, signals: 0, notes: 0, measures: 0 };
  linkedSubjects = 0;
  /** The bundle's subject uid → the local subject it was linked to or created as. */
  readonly subjectIds = new Map<string, number>();
  /** Keeps items that a newer bundle of the same sender wrote (replay.ts); none before the manifest. */
  replay: ReplayGuard | null = null;

  constructor(
    readonly context: CoreContext,
    readonly importId: number,
    readonly bundleId: string,
    /** The import's time: `updated_at` of what it creates or updates where the bundle has no time of its own. */
    readonly now: string,
    /** Who supplied what the bundle holds, for the provenance of each new fact (supplier.ts). */
    readonly supplier: SupplierContext,
  ) {}

  get db(): Connection {
    return this.context.db;
  }

  provenance(kind: ItemKind, itemId: number, originUid: string, effect: 'created' | 'updated' | 'linked', originNumber?: string): void {
    recordProvenance(this.db, { kind, itemId, importId: this.importId, originUid, originNumber, effect });
  }

  /**
   * The supplier, basis and use restriction of a fact the import created. A fact the import updates
   * keeps this vault's: the vault knows where its own facts came from.
   */
  supplied(kind: ProvenanceKind, itemId: number, item: BundleItemProvenance): void {
    writeProvenance(this.context, kind, itemId, importedProvenance(item, this.supplier));
  }

  /** Whether the local link with this uid is still there (`existsSql` decides, given its id and `params`). */
  liveLink(kind: ItemKind, uid: string, existsSql: string, ...params: unknown[]): boolean {
    const id = itemByUid(this.db, kind, uid);
    return id !== null && this.db.prepare(existsSql).get(id, ...params) !== undefined;
  }

  /** The local item with this uid in this dossier, if the import may update it. */
  existingIn(kind: ItemKind, table: string, uid: string, dossierId: number, action: ImportAction): number | null {
    return existingItemIn(this.db, kind, table, uid, dossierId, action);
  }

  /**
   * One dossier item from the bundle: updated when the dossier already has it (same uid, and the
   * import may update), else added and given the bundle's uid; recorded as provenance and counted.
   */
  writeDossierItem(
    kind: 'signal' | 'note' | 'measure',
    table: string,
    uid: string,
    dossierId: number,
    action: ImportAction,
    item: BundleItemProvenance,
    write: { update(id: number): void; insert(): number },
  ): void {
    const counter = `${kind}s` as const;
    const existing = this.existingIn(kind, table, uid, dossierId, action);
    if (existing !== null) {
      if (this.replay?.keepsLocal(kind, existing)) return;
      write.update(existing);
      this.provenance(kind, existing, uid, 'updated');
      this.updated[counter]++;
      return;
    }
    const id = write.insert();
    this.supplied(kind, id, item);
    assignImportedUid(this.db, kind, id, uid);
    this.provenance(kind, id, uid, 'created');
    this.created[counter]++;
  }
}
