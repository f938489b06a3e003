import type { TlpCode } from '../../../shared/domain/enums';
import { OWN_MUNICIPALITY, type FactRef, type Provenance } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import type { FactLine } from '../sharing/composed-text';
import { shownCode, strictestCode } from '../sharing/policy';
import { factKey, loadFacts } from '../sharing/regime';

/** The columns of an agenda item that name its facts. */
export interface ItemFactsRow {
  dossier_id: number | null;
  signal_id: number | null;
  fact_lines: string;
}

/** The item's own fact (its dossier or its signal). */
export function itemMainRef(row: Pick<ItemFactsRow, 'dossier_id' | 'signal_id'>): FactRef {
  return row.dossier_id !== null ? { kind: 'dossier', id: row.dossier_id } : { kind: 'signal', id: row.signal_id! };
}

/** Every fact an item shows: its own first, then those its drafted text was written from, each once. */
export function itemFactRefs(row: ItemFactsRow): FactRef[] {
  const refs = [itemMainRef(row), ...(JSON.parse(row.fact_lines) as FactLine[]).map((line) => line.ref)];
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(factKey(ref)) && seen.add(factKey(ref)));
}

/** The strictest code of an item's facts: the default code of the note its outcome writes. */
export function itemCode(context: CoreContext, itemId: number): TlpCode {
  const row = context.db.prepare('SELECT dossier_id, signal_id, fact_lines FROM meeting_items WHERE id = ?').get(itemId) as ItemFactsRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `meeting-item ${itemId} not found`, { kind: 'meeting-item', id: itemId });
  return strictestCode(loadFacts(context, itemFactRefs(row)).map(shownCode));
}

/**
 * The provenance of a note the meeting's outcome writes about an item. Drawn only from the
 * municipality's own facts, it is the municipality's own; once a partner's fact (or one whose
 * supplier is unknown) is in the item, the note may repeat it, so it takes no terms the partner
 * never gave: supplier unknown, ask before passing it on.
 */
export function itemNoteProvenance(context: CoreContext, itemId: number): Provenance {
  const row = context.db.prepare('SELECT dossier_id, signal_id, fact_lines FROM meeting_items WHERE id = ?').get(itemId) as ItemFactsRow;
  const allOwn = loadFacts(context, itemFactRefs(row)).every(
    (fact) => fact.originatorCategory === 'gemeentelijke_dienst' && [fact, ...(fact.named ?? [])].every((part) => part.restriction === 'vrij'),
  );
  return allOwn
    ? { originator: OWN_MUNICIPALITY, receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' }
    : { originator: null, receivedUnder: null, restriction: 'vraag_leverancier' };
}
