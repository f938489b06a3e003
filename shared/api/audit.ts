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

/** The kinds of item an audit entry can name through its details (`dossierId`, `signalId`, ...). */
export const AUDIT_ITEM_KINDS = ['dossier', 'signal', 'subject', 'note', 'attachment', 'measure'] as const;
export type AuditItemKind = (typeof AUDIT_ITEM_KINDS)[number];

/** An item an entry names, and whether it can still be opened. */
export interface AuditItem {
  kind: AuditItemKind;
  id: number;
  /** The detail it came from (`dossierId`, `keptSubjectId`, `id` of a trash entry, ...). */
  key: string;
  /** Still in the vault, not in the trash, and not under a dossier in the trash: the UI may link to it. */
  present: boolean;
  /** Where a present item is shown: its dossier (a dossier's own id); null for a subject or a loose signal. */
  dossierId: number | null;
  /** A dossier's number (2026-0042) while the dossier exists, in the trash too; null for other kinds and once destroyed. */
  number: string | null;
}

export interface AuditListEntry extends AuditEntry {
  /** The items named in `details`, in their order there. */
  items: AuditItem[];
}

export type AuditChainStatus = { intact: true; entries: number } | { intact: false; entries: number; firstBrokenId: number };

export const auditApi = {
  /** Newest first; `beforeId` pages back through the trail; `actions` keeps only entries with one of those actions. */
  'audit.list': defineHandler<AuditListEntry[]>({ access: 'read', passive: false, lane: 'queue', audits: ['audit.viewed'] })(
    z
      .object({
        limit: z.number().int().min(1).max(500).optional(),
        beforeId: z.number().int().min(1).optional(),
        actions: z.array(z.string().min(1).max(100)).min(1).max(200).optional(),
      })
      .strict(),
  ),
  'audit.verify': defineHandler<AuditChainStatus>({ access: 'read', passive: true, lane: 'queue', audits: [] })(z.object({}).strict()),
};
