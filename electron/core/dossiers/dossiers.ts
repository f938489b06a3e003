import type { ParsedInput } from '../../../shared/api';
import type { Dossier, DossierSummary, Page } from '../../../shared/api/dossier-types';
import { STATUS_TRANSITIONS } from '../../../shared/domain/enums';
import { auditRetentionChange, requireRetentionReason, retentionDateOf } from '../reports/retention';
import { inTransaction, requireNotInFuture, today, type CoreContext } from '../kernel/context';
import {
  DOSSIER_COLUMNS,
  DOSSIER_COLUMN_OF,
  dossierSummary,
  insertDossier,
  replaceDossierPartners,
  replaceDossierPhenomena,
  requireDossier,
  toDossierSummaries,
  updateDossierRow,
  type DossierRow,
} from './dossier-records';
import { dossierLinksOfDossier } from './links';
import { assertPhenomenaExist } from './phenomena';
import { signalSummariesOfDossier } from './signals';
import { changedFields, type SqlQuery } from './sql';

export function createDossier(context: CoreContext, input: ParsedInput<'dossier.create'>): DossierSummary {
  return inTransaction(context, () => {
    assertPhenomenaExist(context, input.phenomenonIds ?? []);
    requireNotInFuture(context, 'openedOn', input.openedOn);
    const id = insertDossier(context, { ...input, openedOn: input.openedOn ?? today(context) });
    return dossierSummary(context, id);
  });
}

/** The dossier screen's material. Opening a dossier is an access to personal data: it is audited. */
export function getDossier(context: CoreContext, dossierId: number): Dossier {
  return inTransaction(context, () => {
    const row = requireDossier(context, dossierId);
    const partners = context.db.prepare('SELECT partner FROM dossier_partners WHERE dossier_id = ? ORDER BY partner').pluck().all(dossierId) as Dossier['partners'];
    context.audit('dossier.viewed', { dossierId, number: row.number });
    return {
      ...toDossierSummaries(context, [row])[0]!,
      summary: row.summary,
      partners,
      legalBasis: row.legal_basis,
      purpose: row.purpose,
      retentionUntil: row.retention_until,
      createdAt: row.created_at,
      nextStatuses: [...STATUS_TRANSITIONS[row.status]],
      signals: signalSummariesOfDossier(context, dossierId),
      subjects: dossierLinksOfDossier(context, dossierId),
    };
  });
}

type DossierFilter = ParsedInput<'dossier.list'>;

const DOSSIER_ORDER: Record<DossierFilter['sort'], (direction: string) => string> = {
  number: (direction) => `d.year ${direction}, d.sequence ${direction}`,
  openedOn: (direction) => `d.opened_on ${direction}, d.id ${direction}`,
  updatedAt: (direction) => `d.updated_at ${direction}, d.id ${direction}`,
  title: (direction) => `d.title COLLATE NOCASE ${direction}, d.id ${direction}`,
};

/**
 * The filter as SQL. `deleted_at IS NULL` is spelled out so that the partial index
 * dossiers_by_status applies; a phenomenon includes its sub-forms.
 */
function dossierListQuery(filter: DossierFilter): { where: SqlQuery; orderBy: string } {
  const conditions = ['d.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.statuses) {
    conditions.push(`d.status IN (${filter.statuses.map(() => '?').join(', ')})`);
    params.push(...filter.statuses);
  }
  if (filter.phenomenonId !== undefined) {
    conditions.push(
      `d.id IN (SELECT dp.dossier_id FROM dossier_phenomena dp
                 WHERE dp.phenomenon_id IN (SELECT p.id FROM phenomena p WHERE p.id = ? OR p.parent_id = ?))`,
    );
    params.push(filter.phenomenonId, filter.phenomenonId);
  }
  const equal: Array<[string, unknown]> = [
    ['d.priority', filter.priority],
    ['d.owner', filter.owner],
    ['d.tlp', filter.tlp],
  ];
  for (const [column, value] of equal) {
    if (value === undefined) continue;
    conditions.push(`${column} = ?`);
    params.push(value);
  }
  if (filter.openedFrom) {
    conditions.push('d.opened_on >= ?');
    params.push(filter.openedFrom);
  }
  if (filter.openedUntil) {
    conditions.push('d.opened_on <= ?');
    params.push(filter.openedUntil);
  }
  return { where: { sql: conditions.join(' AND '), params }, orderBy: DOSSIER_ORDER[filter.sort](filter.direction.toUpperCase()) };
}

/** The page and its total from one filter, like signalPageSql and subjectPageSql. */
export function dossierPageSql(filter: DossierFilter): { page: SqlQuery; count: SqlQuery } {
  const { where, orderBy } = dossierListQuery(filter);
  return {
    page: {
      sql: `SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE ${where.sql} ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
      params: [...where.params, filter.limit, filter.offset],
    },
    count: { sql: `SELECT count(*) FROM dossiers d WHERE ${where.sql}`, params: where.params },
  };
}

export function listDossiers(context: CoreContext, filter: DossierFilter): Page<DossierSummary> {
  const { page, count } = dossierPageSql(filter);
  const rows = context.db.prepare(page.sql).all(...page.params) as DossierRow[];
  const total = context.db
    .prepare(count.sql)
    .pluck()
    .get(...count.params) as number;
  return { items: toDossierSummaries(context, rows), total, limit: filter.limit, offset: filter.offset };
}

export function updateDossier(context: CoreContext, input: ParsedInput<'dossier.update'>): DossierSummary {
  const { dossierId, phenomenonIds, partners, retentionReason, ...columns } = input;
  return inTransaction(context, () => {
    const before = requireDossier(context, dossierId);
    // A new retention date needs a reason, here as on the retention list, and is audited the same way.
    const retentionChanged = columns.retentionUntil !== undefined && columns.retentionUntil !== before.retention_until;
    const reason = retentionChanged ? requireRetentionReason(retentionReason) : null;
    const retentionBefore = retentionChanged ? retentionDateOf(context, 'dossier', dossierId) : null;
    const changes = changedFields(columns, DOSSIER_COLUMN_OF);
    const fields = changes.map((change) => change.field);
    if (phenomenonIds) {
      assertPhenomenaExist(context, phenomenonIds);
      replaceDossierPhenomena(context, dossierId, phenomenonIds);
      fields.push('phenomenonIds');
    }
    if (partners) {
      replaceDossierPartners(context, dossierId, partners);
      fields.push('partners');
    }
    if (fields.length === 0) return dossierSummary(context, dossierId);
    updateDossierRow(context, dossierId, columns);
    context.audit('dossier.updated', { dossierId, fields });
    if (reason !== null) {
      auditRetentionChange(context, {
        kind: 'dossier',
        id: dossierId,
        number: before.number,
        from: retentionBefore,
        to: retentionDateOf(context, 'dossier', dossierId),
        reason,
      });
    }
    return dossierSummary(context, dossierId);
  });
}
