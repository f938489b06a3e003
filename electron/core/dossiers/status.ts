import type { ParsedInput } from '../../../shared/api';
import type { DossierSummary, StatusChange } from '../../../shared/api/dossier-types';
import { CLOSED_STATUS, FINAL_DOSSIER_STATUSES, canChangeStatus, type ClosingReason, type DossierStatus } from '../../../shared/domain/enums';
import { CoreError } from '../kernel/errors';
import { inTransaction, requireNotInFuture, timestamp, today, type CoreContext } from '../kernel/context';
import { dossierSummary, insertStatusChange, requireDossier } from './dossier-records';

interface StatusChangeRow {
  id: number;
  dossier_id: number;
  from_status: DossierStatus | null;
  to_status: DossierStatus;
  changed_on: string;
  recorded_at: string;
  actor: string;
  reason: string | null;
  closing_reason: ClosingReason | null;
}

function toStatusChange(row: StatusChangeRow): StatusChange {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    changedOn: row.changed_on,
    recordedAt: row.recorded_at,
    actor: row.actor,
    reason: row.reason,
    closingReason: row.closing_reason,
  };
}

const STATUS_CHANGE_COLUMNS = 'id, dossier_id, from_status, to_status, changed_on, recorded_at, actor, reason, closing_reason';

/**
 * Move a dossier along the transition table (shared/domain/enums.ts). Closing needs one of the
 * closing reasons; reopening a dossier that left the flow needs a reason in words. The change is
 * dated (the decision's date), attributed to the vault's user, kept in the history and audited.
 */
export function changeDossierStatus(context: CoreContext, input: ParsedInput<'dossier.changeStatus'>): { dossier: DossierSummary; change: StatusChange } {
  return inTransaction(context, () => {
    const dossier = requireDossier(context, input.dossierId);
    const from = dossier.status;
    if (!canChangeStatus(from, input.to)) {
      throw new CoreError('INVALID_STATUS_TRANSITION', `${from} cannot change to ${input.to}`, { from, to: input.to });
    }
    if (input.to === CLOSED_STATUS && !input.closingReason) {
      throw new CoreError('CLOSING_REASON_REQUIRED', 'closing a dossier needs a closing reason', { dossierId: input.dossierId });
    }
    if (FINAL_DOSSIER_STATUSES.includes(from) && !input.reason) {
      throw new CoreError('REOPEN_REASON_REQUIRED', 'reopening a dossier needs a reason', { dossierId: input.dossierId });
    }
    // The decision's date: not in the future (today is allowed), and not before the previous change,
    // so that the history reads in date order.
    const changedOn = input.changedOn ?? today(context);
    requireNotInFuture(context, 'changedOn', changedOn);
    const lastChangedOn = context.db.prepare('SELECT changed_on FROM dossier_status_changes WHERE dossier_id = ? ORDER BY id DESC LIMIT 1').pluck().get(input.dossierId) as
      string | undefined;
    if (lastChangedOn !== undefined && changedOn < lastChangedOn) {
      throw new CoreError('DATE_BEFORE_LAST_CHANGE', `changedOn ${changedOn} lies before the last status change (${lastChangedOn})`, {
        field: 'changedOn',
        changedOn,
        lastChangedOn,
      });
    }
    const closingReason = input.closingReason ?? null;
    const recordedAt = timestamp(context);
    context.db.prepare('UPDATE dossiers SET status = ?, closing_reason = ?, updated_at = ? WHERE id = ?').run(input.to, closingReason, recordedAt, input.dossierId);
    const changeId = insertStatusChange(context, {
      dossierId: input.dossierId,
      fromStatus: from,
      toStatus: input.to,
      changedOn,
      recordedAt,
      actor: context.actor,
      reason: input.reason ?? null,
      closingReason,
    });
    context.audit('dossier.status-changed', { dossierId: input.dossierId, number: dossier.number, from, to: input.to, closingReason });
    const change = context.db.prepare(`SELECT ${STATUS_CHANGE_COLUMNS} FROM dossier_status_changes WHERE id = ?`).get(changeId) as StatusChangeRow;
    return { dossier: dossierSummary(context, input.dossierId), change: toStatusChange(change) };
  });
}

/** The dossier's status history, oldest first (in the order the changes were recorded). */
export function dossierStatusHistory(context: CoreContext, dossierId: number): StatusChange[] {
  requireDossier(context, dossierId);
  const rows = context.db.prepare(`SELECT ${STATUS_CHANGE_COLUMNS} FROM dossier_status_changes WHERE dossier_id = ? ORDER BY id`).all(dossierId) as StatusChangeRow[];
  return rows.map(toStatusChange);
}
