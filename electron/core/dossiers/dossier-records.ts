import type { DossierRef, DossierSummary, PhenomenonRef } from '../../../shared/api/dossier-types';
import {
  INITIAL_DOSSIER_STATUS,
  type ClosingReason,
  type DossierStatus,
  type Partner,
  type Priority,
  type TlpCode,
} from '../../../shared/domain/enums';
import { notFound, timestamp, type DossierContext } from './context';
import { formatDossierNumber, nextDossierSequence } from './numbering';
import { phenomenaById } from './phenomena';

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
export function requireDossier(context: DossierContext, dossierId: number): DossierRow {
  const row = context.db.prepare(`SELECT ${DOSSIER_COLUMNS} FROM dossiers d WHERE d.id = ? AND d.deleted_at IS NULL`).get(dossierId) as
    | DossierRow
    | undefined;
  if (!row) throw notFound('dossier', dossierId);
  return row;
}

export function toDossierRef(row: Pick<DossierRow, 'id' | 'number' | 'title' | 'status'>): DossierRef {
  return { id: row.id, number: row.number, title: row.title, status: row.status };
}

/** The phenomena of many dossiers in one query (a list page), by dossier id. */
function phenomenaOfDossiers(context: DossierContext, dossierIds: number[]): Map<number, PhenomenonRef[]> {
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

export function toDossierSummaries(context: DossierContext, rows: DossierRow[]): DossierSummary[] {
  const phenomena = phenomenaOfDossiers(context, rows.map((row) => row.id));
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

export function dossierSummary(context: DossierContext, dossierId: number): DossierSummary {
  return toDossierSummaries(context, [requireDossier(context, dossierId)])[0]!;
}

export function replaceDossierPhenomena(context: DossierContext, dossierId: number, phenomenonIds: readonly number[]): void {
  context.db.prepare('DELETE FROM dossier_phenomena WHERE dossier_id = ?').run(dossierId);
  const insert = context.db.prepare('INSERT INTO dossier_phenomena (dossier_id, phenomenon_id) VALUES (?, ?)');
  for (const phenomenonId of new Set(phenomenonIds)) insert.run(dossierId, phenomenonId);
}

export function replaceDossierPartners(context: DossierContext, dossierId: number, partners: readonly Partner[]): void {
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
 * Insert a dossier with the next number of its opening year and its first history entry
 * ("signaal ontvangen"). The caller runs this inside its transaction; phenomena are checked by it.
 */
export function insertDossier(context: DossierContext, dossier: NewDossier): number {
  const year = Number(dossier.openedOn.slice(0, 4));
  const sequence = nextDossierSequence(context.db, year);
  const now = timestamp(context);
  const id = Number(
    context.db
      .prepare(
        `INSERT INTO dossiers (year, sequence, title, summary, priority, owner, status, tlp, legal_basis, purpose, retention_until,
                               opened_on, created_at, updated_at)
         VALUES (@year, @sequence, @title, @summary, @priority, @owner, @status, @tlp, @legalBasis, @purpose, @retentionUntil,
                 @openedOn, @now, @now)`,
      )
      .run({
        year,
        sequence,
        title: dossier.title,
        summary: dossier.summary ?? null,
        priority: dossier.priority,
        owner: dossier.owner ?? null,
        status: INITIAL_DOSSIER_STATUS,
        tlp: dossier.tlp,
        legalBasis: dossier.legalBasis ?? null,
        purpose: dossier.purpose ?? null,
        retentionUntil: dossier.retentionUntil ?? null,
        openedOn: dossier.openedOn,
        now,
      }).lastInsertRowid,
  );
  replaceDossierPhenomena(context, id, dossier.phenomenonIds ?? []);
  replaceDossierPartners(context, id, dossier.partners ?? []);
  context.db
    .prepare(
      `INSERT INTO dossier_status_changes (dossier_id, from_status, to_status, changed_on, recorded_at, actor)
       VALUES (?, NULL, ?, ?, ?, ?)`,
    )
    .run(id, INITIAL_DOSSIER_STATUS, dossier.firstStatusOn ?? dossier.openedOn, now, context.actor);
  context.audit('dossier.created', { dossierId: id, number: formatDossierNumber(year, sequence) });
  return id;
}

/** Every change to a dossier or what hangs under it moves its `updated_at`, so "recently changed" sorts right. */
export function touchDossier(context: DossierContext, dossierId: number): void {
  context.db.prepare('UPDATE dossiers SET updated_at = ? WHERE id = ?').run(timestamp(context), dossierId);
}
