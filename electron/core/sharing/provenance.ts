import { defaultProvenance, OWN_MUNICIPALITY, type FactKind, type OrganisationCategory, type Provenance, type ProvenanceInput } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import { requireLegalBasis, requireOrganisation } from './organisations';

/** The facts that carry provenance of their own, and their tables. */
export type ProvenanceKind = Exclude<FactKind, 'dossier' | 'subject'>;
const TABLE_OF: Readonly<Record<ProvenanceKind, string>> = {
  signal: 'signals',
  note: 'dossier_notes',
  'dossier-link': 'subject_dossier_links',
  'subject-link': 'subject_links',
  measure: 'measures',
  attachment: 'attachments',
};

function categoryOf(context: CoreContext, code: string): OrganisationCategory | null {
  return (context.db.prepare('SELECT category FROM organisations WHERE code = ?').pluck().get(code) as OrganisationCategory | undefined) ?? null;
}

/**
 * The provenance of a new fact: what the user gave, the rest from the defaults for its originator
 * (shared/domain/sharing.ts). `suppliedBy`: the partner the fact was recorded from in older fields
 * (a note's partner, a signal's origin), the originator when none is given. Without either, the fact
 * is the municipality's own.
 */
export function newProvenance(context: CoreContext, input: ProvenanceInput | undefined, suppliedBy: string | null = null): Provenance {
  const originator = input?.originator !== undefined ? input.originator : (suppliedBy ?? OWN_MUNICIPALITY);
  if (originator !== null) requireOrganisation(context, originator);
  const defaults = defaultProvenance(originator, originator === null ? null : categoryOf(context, originator));
  const provenance: Provenance = {
    originator,
    receivedUnder: input?.receivedUnder !== undefined ? input.receivedUnder : originator === null ? null : defaults.receivedUnder,
    restriction: input?.restriction ?? (originator === null ? 'vraag_leverancier' : defaults.restriction),
  };
  if (provenance.receivedUnder !== null) requireLegalBasis(context, provenance.receivedUnder);
  return provenance;
}

/** Write a fact's provenance (all three fields), in the caller's transaction. */
export function writeProvenance(context: CoreContext, kind: ProvenanceKind, id: number, provenance: Provenance): void {
  context.db
    .prepare(`UPDATE ${TABLE_OF[kind]} SET originator = ?, received_under = ?, use_restriction = ? WHERE id = ?`)
    .run(provenance.originator, provenance.receivedUnder, provenance.restriction, id);
}

/** Change the given fields of a fact's provenance (left out: as they are). Answers the names of the fields that were given. */
export function updateProvenance(context: CoreContext, kind: ProvenanceKind, id: number, input: ProvenanceInput | undefined): string[] {
  if (!input) return [];
  const current = readProvenance(context, kind, id);
  if (input.originator) requireOrganisation(context, input.originator);
  if (input.receivedUnder) requireLegalBasis(context, input.receivedUnder);
  writeProvenance(context, kind, id, {
    originator: input.originator !== undefined ? input.originator : current.originator,
    receivedUnder: input.receivedUnder !== undefined ? input.receivedUnder : current.receivedUnder,
    restriction: input.restriction ?? current.restriction,
  });
  return Object.keys(input).filter((key) => input[key as keyof ProvenanceInput] !== undefined);
}

export function readProvenance(context: CoreContext, kind: ProvenanceKind, id: number): Provenance {
  const row = context.db.prepare(`SELECT originator, received_under, use_restriction FROM ${TABLE_OF[kind]} WHERE id = ?`).get(id) as
    { originator: string | null; received_under: string | null; use_restriction: Provenance['restriction'] } | undefined;
  return row
    ? { originator: row.originator, receivedUnder: row.received_under, restriction: row.use_restriction }
    : { originator: null, receivedUnder: null, restriction: 'vraag_leverancier' };
}

/** The SQL columns as a `provenance` object reads them, for the readers of each kind (`x` the table's alias). */
export const PROVENANCE_COLUMNS = (alias: string): string => `${alias}.originator, ${alias}.received_under, ${alias}.use_restriction`;
export function toProvenance(row: { originator: string | null; received_under: string | null; use_restriction: Provenance['restriction'] }): Provenance {
  return { originator: row.originator, receivedUnder: row.received_under, restriction: row.use_restriction };
}
