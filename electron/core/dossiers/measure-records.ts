import type { MeasureKind, MeasureStage, Partner, TlpCode } from '../../../shared/domain/enums';
import { timestamp, type CoreContext } from '../kernel/context';
import { changedFields } from './sql';

/**
 * The writer of `measures` rows, for the API and the bundle import alike. Left out is NULL; both
 * timestamps default to now (an imported measure keeps its own).
 */
export interface MeasureRowValues {
  dossierId: number;
  kind: MeasureKind;
  description?: string | null;
  partner?: Partner | null;
  plannedOn?: string | null;
  startedOn?: string | null;
  decidedOn?: string | null;
  stage: MeasureStage;
  outcome?: string | null;
  tlp: TlpCode;
  createdAt?: string;
  updatedAt?: string;
}

export function insertMeasureRow(context: CoreContext, row: MeasureRowValues): number {
  const now = timestamp(context);
  return Number(
    context.db
      .prepare(
        `INSERT INTO measures (dossier_id, kind, description, partner, planned_on, started_on, decided_on, stage, outcome, tlp,
                               created_at, updated_at)
         VALUES (@dossierId, @kind, @description, @partner, @plannedOn, @startedOn, @decidedOn, @stage, @outcome, @tlp, @createdAt, @updatedAt)`,
      )
      .run({
        dossierId: row.dossierId,
        kind: row.kind,
        description: row.description ?? null,
        partner: row.partner ?? null,
        plannedOn: row.plannedOn ?? null,
        startedOn: row.startedOn ?? null,
        decidedOn: row.decidedOn ?? null,
        stage: row.stage,
        outcome: row.outcome ?? null,
        tlp: row.tlp,
        createdAt: row.createdAt ?? now,
        updatedAt: row.updatedAt ?? now,
      }).lastInsertRowid,
  );
}

/** The fields of a measure that an update may set, with their columns. */
export const MEASURE_COLUMN_OF = {
  kind: 'kind',
  description: 'description',
  partner: 'partner',
  plannedOn: 'planned_on',
  startedOn: 'started_on',
  decidedOn: 'decided_on',
  stage: 'stage',
  outcome: 'outcome',
  tlp: 'tlp',
} as const;

export type MeasureFields = Partial<Pick<MeasureRowValues, keyof typeof MEASURE_COLUMN_OF>>;

/** Set the given fields of a measure row (left out: as it is; null clears) and move its `updated_at`. */
export function updateMeasureRow(context: CoreContext, measureId: number, fields: MeasureFields, updatedAt = timestamp(context)): void {
  const changes = changedFields(fields, MEASURE_COLUMN_OF);
  const assignments = [...changes.map((change) => `${change.column} = ?`), 'updated_at = ?'];
  context.db.prepare(`UPDATE measures SET ${assignments.join(', ')} WHERE id = ?`).run(...changes.map((change) => change.value), updatedAt, measureId);
}
