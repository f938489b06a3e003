/**
 * The audit chain's hash as migration 0002 introduced it, frozen: 0002 backfills the entries of
 * older vaults with exactly this function, whatever electron/core/vault/audit-chain.ts becomes.
 * Should the live hash ever change, that change comes with a migration of its own.
 */
import crypto from 'node:crypto';

export const GENESIS_HASH_V2 = '0'.repeat(64);

export interface AuditRowV2 {
  id: number;
  occurred_at: string;
  actor: string;
  action: string;
  details: string;
}

export function auditEntryHashV2(previousHash: string, row: AuditRowV2): string {
  const canonical = JSON.stringify([row.id, row.occurred_at, row.actor, row.action, row.details]);
  return crypto.createHash('sha256').update(previousHash).update('\n').update(canonical).digest('hex');
}
