import type { ParsedInput } from '../../../shared/api';
import type { Measure } from '../../../shared/api/dossier-types';
import type { MeasureKind, MeasureStage, Partner, TlpCode } from '../../../shared/domain/enums';
import { inTransaction, notFound, type CoreContext } from '../kernel/context';
import { requireDossier, touchDossier } from './dossier-records';
import { MEASURE_COLUMN_OF, insertMeasureRow, updateMeasureRow } from './measure-records';
import { changedFields } from './sql';
import { changeProvenance, recordNewProvenance, type ProvenanceRow } from './fact-provenance';
import { PROVENANCE_COLUMNS, toProvenance } from '../sharing/provenance';

interface MeasureRow extends ProvenanceRow {
  id: number;
  dossier_id: number;
  kind: MeasureKind;
  description: string | null;
  partner: Partner | null;
  planned_on: string | null;
  started_on: string | null;
  decided_on: string | null;
  stage: MeasureStage;
  outcome: string | null;
  tlp: TlpCode;
  created_at: string;
  updated_at: string;
}

const MEASURE_COLUMNS = `m.id, m.dossier_id, m.kind, m.description, m.partner, m.planned_on, m.started_on, m.decided_on, m.stage, m.outcome,
  m.tlp, m.created_at, m.updated_at, ${PROVENANCE_COLUMNS('m')}`;

function toMeasure(row: MeasureRow): Measure {
  return {
    id: row.id,
    dossierId: row.dossier_id,
    kind: row.kind,
    description: row.description,
    partner: row.partner,
    plannedOn: row.planned_on,
    startedOn: row.started_on,
    decidedOn: row.decided_on,
    stage: row.stage,
    outcome: row.outcome,
    tlp: row.tlp,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    provenance: toProvenance(row),
  };
}

/** A measure that exists, is not in the trash, and whose dossier is not either. */
function requireMeasure(context: CoreContext, measureId: number): MeasureRow {
  const row = context.db
    .prepare(
      `SELECT ${MEASURE_COLUMNS} FROM measures m JOIN dossiers d ON d.id = m.dossier_id
        WHERE m.id = ? AND m.deleted_at IS NULL AND d.deleted_at IS NULL`,
    )
    .get(measureId) as MeasureRow | undefined;
  if (!row) throw notFound('measure', measureId);
  return row;
}

export function addMeasure(context: CoreContext, input: ParsedInput<'measure.add'>): Measure {
  return inTransaction(context, () => {
    requireDossier(context, input.dossierId);
    const id = insertMeasureRow(context, {
      dossierId: input.dossierId,
      kind: input.kind,
      description: input.description,
      partner: input.partner,
      plannedOn: input.plannedOn,
      startedOn: input.startedOn,
      decidedOn: input.decidedOn,
      stage: input.stage,
      outcome: input.outcome,
      tlp: input.tlp,
    });
    recordNewProvenance(context, 'measure', id, input.provenance);
    touchDossier(context, input.dossierId);
    context.audit('measure.added', { measureId: id, dossierId: input.dossierId, kind: input.kind });
    return toMeasure(requireMeasure(context, id));
  });
}

export function updateMeasure(context: CoreContext, input: ParsedInput<'measure.update'>): Measure {
  const { measureId, provenance, ...fields } = input;
  return inTransaction(context, () => {
    const before = requireMeasure(context, measureId);
    const changes = changedFields(fields, MEASURE_COLUMN_OF);
    const provenanceChanged = changeProvenance(context, 'measure', measureId, provenance);
    if (changes.length === 0 && provenanceChanged.length === 0) return toMeasure(before);
    updateMeasureRow(context, measureId, fields);
    touchDossier(context, before.dossier_id);
    context.audit('measure.updated', { measureId, dossierId: before.dossier_id, fields: [...changes.map((change) => change.field), ...provenanceChanged] });
    return toMeasure(requireMeasure(context, measureId));
  });
}

/** In the order they were planned (unplanned last), then as entered. */
export function listMeasures(context: CoreContext, dossierId: number): Measure[] {
  requireDossier(context, dossierId);
  const rows = context.db
    .prepare(
      `SELECT ${MEASURE_COLUMNS} FROM measures m WHERE m.dossier_id = ? AND m.deleted_at IS NULL
        ORDER BY m.planned_on IS NULL, m.planned_on, m.id`,
    )
    .all(dossierId) as MeasureRow[];
  return rows.map(toMeasure);
}
