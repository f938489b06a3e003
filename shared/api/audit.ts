import { z } from 'zod';
import { defineHandler } from './define';

export interface AuditEntry {
  id: number;
  occurredAt: string;
  actor: string;
  action: string;
  /** Ids, counts and field names only: the trail outlives destroyed content. */
  details: Record<string, unknown>;
}

export type AuditChainStatus = { intact: true; entries: number } | { intact: false; entries: number; firstBrokenId: number };

export const auditApi = {
  /** Newest first; `beforeId` pages back through the trail. */
  'audit.list': defineHandler<AuditEntry[]>()(
    z.object({ limit: z.number().int().min(1).max(500).optional(), beforeId: z.number().int().min(1).optional() }).strict(),
  ),
  'audit.verify': defineHandler<AuditChainStatus>()(z.object({}).strict()),
};
