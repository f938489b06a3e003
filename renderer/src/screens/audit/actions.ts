import type { TFunction } from 'i18next';
import type { AuditEntry, AuditItem } from '../../../../shared/api/audit';
import { TRASH_KINDS, type TrashKind } from '../../../../shared/api/dossier-types';

/**
 * The audit screen's words beside the sentences: the actions, their groups and their sentences live
 * in shared (shared/domain/audit-actions.ts, shared/i18n/audit-sentences.ts), where the PDFs use them too.
 */

/** "2 signalen, 1 dossier" for counts per trash kind; empty when there are none. */
export function trashSummary(t: TFunction, counts: Partial<Record<TrashKind, number>>): string {
  return TRASH_KINDS.filter((kind) => (counts[kind] ?? 0) > 0)
    .map((kind) => t(`trash.counts.${kind}`, { count: counts[kind] ?? 0 }))
    .join(', ');
}

/** The words for an item an entry names: "Dossier 2026-0042" when the entry holds the number, else "Signaal #12". */
export function itemLabel(t: TFunction, entry: AuditEntry, item: AuditItem): string {
  const number = item.kind !== 'dossier' ? null : (item.number ?? (item.key === 'dossierId' && typeof entry.details.number === 'string' ? entry.details.number : null));
  return number ? t('audit.items.dossierNumber', { number }) : t(`audit.items.${item.kind}`, { id: item.id });
}
