import type { DossierRef, DossierSummary, PhenomenonRef } from '../../../shared/api/dossier-types';
import { INITIAL_DOSSIER_STATUS, type ClosingReason, type DossierStatus, type Partner, type Priority, type TlpCode } from '../../../shared/domain/enums';
import { notFound, timestamp, type CoreContext } from '../kernel/context';
import { formatDossierNumber, nextDossierSequence } from './numbering';
import { phenomenaById } from './phenomena';
import { changedFields } from './sql';

/** Rows of `dossiers` and what every dossier module needs to read and write them. */

export interface DossierRow {
  id: number;
  number: string;
  title: string;
  summary: string | null;
  priority: Priority;
  owner: string | null;
  status: DossierStatus;
  closing_reason: ClosingReason | null;
  tlp: TlpCode;
  legal_basis: string | null;
  purpose: string | null;
  retention_until: string | null;
  opened_on: string;
  created_at: string;
  updated_at: string;
}

export const DOSSIER_COLUMNS = `d.id, d.number, d.title, d.summary, d.priority, d.owner, d.status, d.closing_reason, d.tlp,
  d.legal_basis, d.purpose, d.retention_until, d.opened_on, d.created_at, d.updated_at`;

/** A dossier that exists and is not in the trash, or NOT_FOUND. */
export function requireDossier(context: CoreContext, dossierId: number): DossierRow {
  const row = context.db.prepare(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.id = ? AND d.deleted_at IS NULL`).get(dossierId) as DossierRow | undefined;
  if (!row) throw notFound('dossier', dossierId);
  return row;
}

export function toDossierRef(row: Pick<DossierRow, 'id' | 'number' | 'title' | 'status'>): DossierRef {
  return { id: row.id, number: row.number, title: row.title, status: row.status };
}

/** The phenomena of many dossiers in one query (a list page), by dossier id. */
function phenomenaOfDossiers(context: CoreContext, dossierIds: number[]): Map<number, PhenomenonRef[]> {
  const byDossier = new Map<number, PhenomenonRef[]>(dossierIds.map((id) => [id, []]));
  if (dossierIds.length === 0) return byDossier;
  const known = phenomenaById(context);
  const rows = context.db
    .prepare('SELECT dossier_id, phenomenon_id FROM dossier_phenomena WHERE dossier_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(dossierIds)) as Array<{ dossier_id: number; phenomenon_id: number }>;
  for (const row of rows) {
    const phenomenon = known.get(row.phenomenon_id);
    if (phenomenon) byDossier.get(row.dossier_id)?.push(phenomenon);
  }
  return byDossier;
}

export function toDossierSummaries(context: CoreContext, rows: DossierRow[]): DossierSummary[] {
  const phenomena = phenomenaOfDossiers(
    context,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...toDossierRef(row),
    closingReason: row.closing_reason,
    priority: row.priority,
    owner: row.owner,
    tlp: row.tlp,
    openedOn: row.opened_on,
    updatedAt: row.updated_at,
    phenomena: phenomena.get(row.id) ?? [],
  }));
}

export function dossierSummary(context: CoreContext, dossierId: number): DossierSummary {
  return toDossierSummaries(context, [requireDossier(context, dossierId)])[0]!;
}

export function replaceDossierPhenomena(context: CoreContext, dossierId: number, phenomenonIds: readonly number[]): void {
  context.db.prepare('DELETE FROM dossier_phenomena WHERE dossier_id = ?').run(dossierId);
  const insert = context.db.prepare('INSERT INTO dossier_phenomena (dossier_id, phenomenon_id) VALUES (?, ?)');
  for (const phenomenonId of new Set(phenomenonIds)) insert.run(dossierId, phenomenonId);
}

export function replaceDossierPartners(context: CoreContext, dossierId: number, partners: readonly Partner[]): void {
  context.db.prepare('DELETE FROM dossier_partners WHERE dossier_id = ?').run(dossierId);
  const insert = context.db.prepare('INSERT INTO dossier_partners (dossier_id, partner) VALUES (?, ?)');
  for (const partner of new Set(partners)) insert.run(dossierId, partner);
}

export interface NewDossier {
  title: string;
  summary?: string | null;
  priority: Priority;
  owner?: string | null;
  phenomenonIds?: readonly number[];
  partners?: readonly Partner[];
  tlp: TlpCode;
  legalBasis?: string | null;
  purpose?: string | null;
  retentionUntil?: string | null;
  openedOn: string;
  /** The date of the first status ("signaal ontvangen"); `openedOn` when left out. */
  firstStatusOn?: string;
}

/**
 * One row of `dossiers` as its writer takes it, for the API and the bundle import alike: left out
 * is NULL, and both timestamps default to now (an imported dossier keeps its own creation time).
 */
export interface DossierRowValues {
  title: string;
  summary?: string | null;
  priority: Priority;
  owner?: string | null;
  status: DossierStatus;
  closingReason?: ClosingReason | null;
  tlp: TlpCode;
  legalBasis?: string | null;
  purpose?: string | null;
  retentionUntil?: string | null;
  openedOn: string;
  createdAt?: string;
  updatedAt?: string;
}

/** Insert a dossier row with the next number of its opening year. Phenomena, partners, history and audit are the caller's. */
export function insertDossierRow(context: CoreContext, row: DossierRowValues): { id: number; number: string } {
  const year = Number(row.openedOn.slice(0, 4));
  const sequence = nextDossierSequence(context.db, year);
  const now = timestamp(context);
  const id = Number(
    context.db
      .prepare(
        `INSERT INTO dossiers (year, sequence, title, summary, priority, owner, status, closing_reason, tlp, legal_basis, purpose, retention_until,
                               opened_on, created_at, updated_at)
         VALUES (@year, @sequence, @title, @summary, @priority, @owner, @status, @closingReason, @tlp, @legalBasis, @purpose, @retentionUntil,
                 @openedOn, @createdAt, @updatedAt)`,
      )
      .run({
        year,
        sequence,
        title: row.title,
        summary: row.summary ?? null,
        priority: row.priority,
        owner: row.owner ?? null,
        status: row.status,
        closingReason: row.closingReason ?? null,
        tlp: row.tlp,
        legalBasis: row.legalBasis ?? null,
        purpose: row.purpose ?? null,
        retentionUntil: row.retentionUntil ?? null,
        openedOn: row.openedOn,
        createdAt: row.createdAt ?? now,
        updatedAt: row.updatedAt ?? now,
      }).lastInsertRowid,
  );
  return { id, number: formatDossierNumber(year, sequence) };
}

/** The descriptive fields of a dossier that an update may set, with their columns. */
export const DOSSIER_COLUMN_OF = {
  title: 'title',
  summary: 'summary',
  priority: 'priority',
  owner: 'owner',
  tlp: 'tlp',
  legalBasis: 'legal_basis',
  purpose: 'purpose',
  retentionUntil: 'retention_until',
} as const;

export type DossierFields = Partial<Pick<DossierRowValues, keyof typeof DOSSIER_COLUMN_OF>>;

/**
 * Set the given fields of a dossier row (left out: as it is; null clears) and move its `updated_at`,
 * also when no field is given (its phenomena or partners changed).
 */
export function updateDossierRow(context: CoreContext, dossierId: number, fields: DossierFields, updatedAt = timestamp(context)): void {
  const changes = changedFields(fields, DOSSIER_COLUMN_OF);
  const assignments = [...changes.map((change) => `${change.column} = ?`), 'updated_at = ?'];
  context.db.prepare(`UPDATE dossiers SET ${assignments.join(', ')} WHERE id = ?`).run(...changes.map((change) => change.value), updatedAt, dossierId);
}

/** One row of a dossier's status history; left out is NULL. */
export interface StatusChangeValues {
  dossierId: number;
  fromStatus: DossierStatus | null;
  toStatus: DossierStatus;
  changedOn: string;
  recordedAt: string;
  actor: string;
  reason?: string | null;
  closingReason?: ClosingReason | null;
}

export function insertStatusChange(context: CoreContext, change: StatusChangeValues): number {
  return Number(
    context.db
      .prepare(
        `INSERT INTO dossier_status_changes (dossier_id, from_status, to_status, changed_on, recorded_at, actor, reason, closing_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(change.dossierId, change.fromStatus, change.toStatus, change.changedOn, change.recordedAt, change.actor, change.reason ?? null, change.closingReason ?? null)
      .lastInsertRowid,
  );
}

/**
 * Insert a dossier with the next number of its opening year and its first history entry
 * ("signaal ontvangen"). The caller runs this inside its transaction; phenomena are checked by it.
 */
export function insertDossier(context: CoreContext, dossier: NewDossier): number {
  const now = timestamp(context);
  const { id, number } = insertDossierRow(context, { ...dossier, status: INITIAL_DOSSIER_STATUS, createdAt: now, updatedAt: now });
  replaceDossierPhenomena(context, id, dossier.phenomenonIds ?? []);
  replaceDossierPartners(context, id, dossier.partners ?? []);
  insertStatusChange(context, {
    dossierId: id,
    fromStatus: null,
    toStatus: INITIAL_DOSSIER_STATUS,
    changedOn: dossier.firstStatusOn ?? dossier.openedOn,
    recordedAt: now,
    actor: context.actor,
  });
  context.audit('dossier.created', { dossierId: id, number });
  return id;
}

/** Every change to a dossier or what hangs under it moves its `updated_at`, so "recently changed" sorts right. */
export function touchDossier(context: CoreContext, dossierId: number): void {
  context.db.prepare('UPDATE dossiers SET updated_at = ? WHERE id = ?').run(timestamp(context), dossierId);
}
