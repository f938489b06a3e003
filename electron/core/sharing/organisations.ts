import type { LegalBasis, Organisation } from '../../../shared/api/sharing';
import type { OrganisationCategory } from '../../../shared/domain/sharing';
import { inTransaction, type CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';

/**
 * The organisation list and the list of legal bases: editable data, like the phenomena. A code is
 * stored on facts, meetings and address-book cards, so it never changes and an entry is never
 * deleted; the user retires it, and it stays readable where it was used.
 */

interface OrganisationRow {
  code: string;
  name: string;
  category: OrganisationCategory;
  retired_at: string | null;
  is_seed: number;
}

const toOrganisation = (row: OrganisationRow): Organisation => ({
  code: row.code,
  name: row.name,
  category: row.category,
  retired: row.retired_at !== null,
  seeded: row.is_seed === 1,
});

export function listOrganisations(context: CoreContext): Organisation[] {
  const rows = context.db.prepare('SELECT code, name, category, retired_at, is_seed FROM organisations ORDER BY position, id').all() as OrganisationRow[];
  return rows.map(toOrganisation);
}

export function saveOrganisation(context: CoreContext, input: { code: string; name: string; category: OrganisationCategory; retired: boolean }): Organisation {
  return inTransaction(context, () => {
    const existing = context.db.prepare('SELECT retired_at FROM organisations WHERE code = ?').get(input.code) as { retired_at: string | null } | undefined;
    const retiredAt = input.retired ? (existing?.retired_at ?? context.now().toISOString()) : null;
    if (existing) {
      context.db.prepare('UPDATE organisations SET name = ?, category = ?, retired_at = ? WHERE code = ?').run(input.name, input.category, retiredAt, input.code);
    } else {
      context.db
        .prepare('INSERT INTO organisations (code, name, category, position, retired_at) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM organisations), ?)')
        .run(input.code, input.name, input.category, retiredAt);
    }
    context.audit('organisation.saved', { code: input.code, name: input.name, category: input.category, retired: input.retired, added: !existing });
    return toOrganisation(context.db.prepare('SELECT code, name, category, retired_at, is_seed FROM organisations WHERE code = ?').get(input.code) as OrganisationRow);
  });
}

/** A fact, a participant or a card may only name an organisation in the list. */
export function requireOrganisation(context: CoreContext, code: string): void {
  if (context.db.prepare('SELECT 1 FROM organisations WHERE code = ?').get(code) === undefined) {
    throw new CoreError('NOT_FOUND', `organisation ${code} not found`, { kind: 'organisation', code });
  }
}

interface LegalBasisRow {
  code: string;
  label: string;
  criminal_law: number;
  retired_at: string | null;
  is_seed: number;
}

const toLegalBasis = (row: LegalBasisRow): LegalBasis => ({
  code: row.code,
  label: row.label,
  criminalLaw: row.criminal_law === 1,
  retired: row.retired_at !== null,
  seeded: row.is_seed === 1,
});

export function listLegalBases(context: CoreContext): LegalBasis[] {
  const rows = context.db.prepare('SELECT code, label, criminal_law, retired_at, is_seed FROM legal_bases ORDER BY position, id').all() as LegalBasisRow[];
  return rows.map(toLegalBasis);
}

export function saveLegalBasis(context: CoreContext, input: { code: string; label: string; criminalLaw: boolean; retired: boolean }): LegalBasis {
  return inTransaction(context, () => {
    const existing = context.db.prepare('SELECT retired_at FROM legal_bases WHERE code = ?').get(input.code) as { retired_at: string | null } | undefined;
    const retiredAt = input.retired ? (existing?.retired_at ?? context.now().toISOString()) : null;
    if (existing) {
      context.db
        .prepare('UPDATE legal_bases SET label = ?, criminal_law = ?, retired_at = ? WHERE code = ?')
        .run(input.label, input.criminalLaw ? 1 : 0, retiredAt, input.code);
    } else {
      context.db
        .prepare('INSERT INTO legal_bases (code, label, criminal_law, position, retired_at) VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM legal_bases), ?)')
        .run(input.code, input.label, input.criminalLaw ? 1 : 0, retiredAt);
    }
    context.audit('legal-basis.saved', { code: input.code, label: input.label, criminalLaw: input.criminalLaw, retired: input.retired, added: !existing });
    return toLegalBasis(context.db.prepare('SELECT code, label, criminal_law, retired_at, is_seed FROM legal_bases WHERE code = ?').get(input.code) as LegalBasisRow);
  });
}

export function requireLegalBasis(context: CoreContext, code: string): void {
  if (context.db.prepare('SELECT 1 FROM legal_bases WHERE code = ?').get(code) === undefined) {
    throw new CoreError('NOT_FOUND', `legal basis ${code} not found`, { kind: 'legal-basis', code });
  }
}

/** Code → label, for documents that name the bases of what they contain. */
export function legalBasisLabels(context: CoreContext): Map<string, string> {
  return new Map(listLegalBases(context).map((basis) => [basis.code, basis.label]));
}
