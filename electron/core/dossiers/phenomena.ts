import type { Phenomenon, PhenomenonRef } from '../../../shared/api/dossier-types';
import { CoreError } from '../kernel/errors';
import { foldText } from './folding';
import { inTransaction, invalidField, notFound, toBoolean, type CoreContext } from '../kernel/context';

interface PhenomenonRow {
  id: number;
  code: string;
  parent_id: number | null;
  label: string;
  is_seed: number;
}

function toPhenomenon(row: PhenomenonRow): Phenomenon {
  return { id: row.id, code: row.code, label: row.label, parentId: row.parent_id, isSeed: toBoolean(row.is_seed) };
}

function toPhenomenonRef({ id, code, label, parentId }: Phenomenon): PhenomenonRef {
  return { id, code, label, parentId };
}

/** The vault's list, phenomena each followed by their sub-forms. */
export function listPhenomena(context: CoreContext): Phenomenon[] {
  const rows = context.db
    .prepare(
      `SELECT p.id, p.code, p.parent_id, p.label, p.is_seed
         FROM phenomena p LEFT JOIN phenomena parent ON parent.id = p.parent_id
        ORDER BY coalesce(parent.position, p.position), p.parent_id IS NOT NULL, p.position`,
    )
    .all() as PhenomenonRow[];
  return rows.map(toPhenomenon);
}

/** Every phenomenon by id: the list is short (tens of rows) and read once per list page. */
export function phenomenaById(context: CoreContext): Map<number, PhenomenonRef> {
  return new Map(listPhenomena(context).map((phenomenon) => [phenomenon.id, toPhenomenonRef(phenomenon)]));
}

export function assertPhenomenaExist(context: CoreContext, ids: readonly number[]): void {
  const known = phenomenaById(context);
  const missing = ids.find((id) => !known.has(id));
  if (missing !== undefined) throw notFound('phenomenon', missing);
}

/** A code from the label: "Illegale kamerverhuur " → "illegale_kamerverhuur", under its parent's code. */
function codeFor(label: string, parentCode: string | null): string {
  const slug = foldText(label).replace(/ /g, '_');
  if (!slug) throw invalidField('label', 'text.required');
  return parentCode ? `${parentCode}.${slug}` : slug;
}

/**
 * The writer of `phenomena` rows, for the API and the bundle import alike: a new phenomenon comes
 * last in the list. Checking the code and the parent, and the audit entry, are the caller's.
 */
export function insertPhenomenonRow(context: CoreContext, row: { code: string; parentId: number | null; label: string }): number {
  const position = context.db.prepare('SELECT coalesce(max(position), 0) + 1 FROM phenomena').pluck().get() as number;
  return Number(
    context.db.prepare('INSERT INTO phenomena (code, parent_id, label, position) VALUES (?, ?, ?, ?)').run(row.code, row.parentId, row.label, position).lastInsertRowid,
  );
}

export function addPhenomenon(context: CoreContext, input: { label: string; parentId?: number }): Phenomenon {
  return inTransaction(context, () => {
    let parentCode: string | null = null;
    if (input.parentId !== undefined) {
      const parent = context.db.prepare('SELECT code, parent_id FROM phenomena WHERE id = ?').get(input.parentId) as { code: string; parent_id: number | null } | undefined;
      if (!parent) throw notFound('phenomenon', input.parentId);
      if (parent.parent_id !== null) throw invalidField('parentId', 'phenomenon.too-deep');
      parentCode = parent.code;
    }
    const code = codeFor(input.label, parentCode);
    if (context.db.prepare('SELECT 1 FROM phenomena WHERE code = ?').get(code)) {
      throw new CoreError('PHENOMENON_EXISTS', `phenomenon ${code} exists`, { code });
    }
    const id = insertPhenomenonRow(context, { code, parentId: input.parentId ?? null, label: input.label });
    context.audit('phenomenon.added', { phenomenonId: id, code });
    return { id, code, label: input.label, parentId: input.parentId ?? null, isSeed: false };
  });
}
