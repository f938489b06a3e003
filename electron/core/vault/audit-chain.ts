import crypto from 'node:crypto';
import type { Connection } from './connection';

/**
 * The audit trail is hash-chained: each entry's hash covers its own fields and the previous
 * entry's hash, so an entry changed or removed in the middle breaks every hash after it.
 * (Cutting off the newest entries is not detected by the chain alone: see the closing note of the
 * audit issue.)
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  id: number;
  occurred_at: string;
  actor: string;
  action: string;
  details: string;
}

/** Migration 0002 backfills older vaults with its own frozen copy of this hash: change it only with a migration. */
export function auditEntryHash(previousHash: string, row: AuditRow): string {
  const canonical = JSON.stringify([row.id, row.occurred_at, row.actor, row.action, row.details]);
  return crypto.createHash('sha256').update(previousHash).update('\n').update(canonical).digest('hex');
}

/**
 * Append one entry with its hash, atomically with reading the previous hash. Returns the entry's
 * id, for what is derived from it (the audit_subjects index) in the caller's transaction.
 */
export function appendAuditEntry(db: Connection, entry: Omit<AuditRow, 'id'>): number {
  return db.transaction(() => {
    const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
    const row: AuditRow = { id: (last?.id ?? 0) + 1, ...entry };
    db.prepare('INSERT INTO audit_log (id, occurred_at, actor, action, details, hash) VALUES (?, ?, ?, ?, ?, ?)').run(
      row.id,
      row.occurred_at,
      row.actor,
      row.action,
      row.details,
      auditEntryHash(last?.hash ?? GENESIS_HASH, row),
    );
    return row.id;
  })();
}

export type AuditChainReport = { intact: true; entries: number } | { intact: false; entries: number; firstBrokenId: number };

/** Walk the whole trail in order and recompute every hash. */
export function verifyAuditChain(db: Connection): AuditChainReport {
  let previous = GENESIS_HASH;
  let entries = 0;
  let expectedId = 1;
  for (const row of db.prepare('SELECT id, occurred_at, actor, action, details, hash FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow & { hash: string }>) {
    // Ids are dense: a gap is a removed entry, even if someone rehashed what followed it.
    if (row.id !== expectedId || auditEntryHash(previous, row) !== row.hash) return { intact: false, entries, firstBrokenId: row.id };
    previous = row.hash;
    entries++;
    expectedId++;
  }
  return { intact: true, entries };
}
