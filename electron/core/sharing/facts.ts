import type { MeasureKind, SubjectLinkKind, SubjectRole, TlpCode } from '../../../shared/domain/enums';
import { MEASURE_KIND_LABELS_NL, SUBJECT_LINK_KIND_LABELS_NL, SUBJECT_ROLE_LABELS_NL } from '../../../shared/domain/labels-nl';
import { OWN_MUNICIPALITY, type FactKind, type FactRef, type OrganisationCategory, type UseRestriction } from '../../../shared/domain/sharing';
import type { CoreContext } from '../kernel/context';
import { organisationCategories } from './audience';
import type { SharedFact } from './policy';

/**
 * The facts of the vault as the sharing regime weighs them: code, supplier, basis, restriction and
 * whether the fact is criminal-law personal data (AVG art. 10). The vault as a whole is such data
 * (DOMAIN.md); this module judges per fact:
 *
 * - a signal, a note and an attachment describe suspected crime: art. 10, unless marked CLEAR;
 * - a subject's link to a dossier, or a link between subjects, when a person is in it;
 * - a person's own record (in bundles);
 * - a measure of the criminal or fiscal track (aangifte, opsporingsonderzoek, fiscale actie,
 *   afpakken): bestuurlijke and zorg measures are the municipality's own public acts;
 * - anything received under a basis marked criminal-law (Wpg, Wjsg);
 * - the dossier's own fields once it has a summary: outputs print the summary, which says what is
 *   suspected and usually of whom; number, title and status alone are not (the app's guidance is
 *   to keep names out of a title).
 *
 * Subjects carry no provenance of their own: the facts about them do. Their record is the
 * municipality's own (basis registers such as the BRP and KvK), free to use.
 */

const CRIMINAL_MEASURES: ReadonlySet<MeasureKind> = new Set(['aangifte', 'opsporingsonderzoek', 'fiscale_actie', 'afpakken_vermogen']);

interface ProvenanceRow {
  id: number;
  dossier_id: number | null;
  tlp: TlpCode;
  originator: string | null;
  received_under: string | null;
  use_restriction: UseRestriction;
  label: string;
  involves_person: number;
  kind_detail: string | null;
  /** The subjects a link names (JSON array of ids): its line shows their labels, a RED account's IBAN for one. */
  named_ids: string | null;
}

const PROVENANCE = 'x.originator, x.received_under, x.use_restriction';

/** Per kind: the query for its facts, filtered by id (a JSON array of ids) or by dossier (`@dossierId`). */
const QUERIES: Record<FactKind, { select: string; byDossier: string; live: string }> = {
  dossier: {
    live: 'x.deleted_at IS NULL',
    select: `SELECT x.id, x.id AS dossier_id, x.tlp, '${OWN_MUNICIPALITY}' AS originator, NULL AS received_under, 'vrij' AS use_restriction,
                    x.number || ' ' || x.title AS label, coalesce(trim(x.summary), '') <> '' AS involves_person, NULL AS kind_detail, NULL AS named_ids FROM dossiers x`,
    byDossier: 'x.id = @dossierId',
  },
  signal: {
    live: 'x.deleted_at IS NULL',
    select: `SELECT x.id, x.dossier_id, x.tlp, ${PROVENANCE}, x.summary AS label, 0 AS involves_person, NULL AS kind_detail, NULL AS named_ids FROM signals x`,
    byDossier: 'x.dossier_id = @dossierId AND x.deleted_at IS NULL',
  },
  note: {
    live: 'x.deleted_at IS NULL',
    select: `SELECT x.id, x.dossier_id, x.tlp, ${PROVENANCE}, substr(x.body, 1, 80) AS label, 0 AS involves_person, NULL AS kind_detail, NULL AS named_ids FROM dossier_notes x`,
    byDossier: 'x.dossier_id = @dossierId AND x.deleted_at IS NULL',
  },
  'dossier-link': {
    live: 's.deleted_at IS NULL',
    select: `SELECT x.id, x.dossier_id, x.tlp, ${PROVENANCE}, s.label AS label, s.type = 'person' AS involves_person, x.role AS kind_detail, json_array(x.subject_id) AS named_ids
               FROM subject_dossier_links x JOIN subjects s ON s.id = x.subject_id`,
    byDossier: 'x.dossier_id = @dossierId AND s.deleted_at IS NULL',
  },
  'subject-link': {
    live: 'f.deleted_at IS NULL AND t.deleted_at IS NULL',
    select: `SELECT x.id, NULL AS dossier_id, x.tlp, ${PROVENANCE}, f.label || ' – ' || t.label AS label, (f.type = 'person' OR t.type = 'person') AS involves_person,
                    x.kind AS kind_detail, json_array(x.from_subject_id, x.to_subject_id) AS named_ids
               FROM subject_links x JOIN subjects f ON f.id = x.from_subject_id JOIN subjects t ON t.id = x.to_subject_id`,
    byDossier: `f.deleted_at IS NULL AND t.deleted_at IS NULL
                AND x.from_subject_id IN (SELECT subject_id FROM subject_dossier_links WHERE dossier_id = @dossierId)
                AND x.to_subject_id IN (SELECT subject_id FROM subject_dossier_links WHERE dossier_id = @dossierId)`,
  },
  measure: {
    live: 'x.deleted_at IS NULL',
    select: `SELECT x.id, x.dossier_id, x.tlp, ${PROVENANCE}, coalesce(x.description, '') AS label, 0 AS involves_person, x.kind AS kind_detail, NULL AS named_ids FROM measures x`,
    byDossier: 'x.dossier_id = @dossierId AND x.deleted_at IS NULL',
  },
  attachment: {
    live: 'x.deleted_at IS NULL',
    select: `SELECT x.id, x.dossier_id, x.tlp, ${PROVENANCE}, x.file_name AS label, 0 AS involves_person, NULL AS kind_detail, NULL AS named_ids FROM attachments x`,
    byDossier: 'x.dossier_id = @dossierId AND x.deleted_at IS NULL',
  },
  subject: {
    live: 'x.deleted_at IS NULL',
    select: `SELECT x.id, NULL AS dossier_id, x.tlp, '${OWN_MUNICIPALITY}' AS originator, NULL AS received_under, 'vrij' AS use_restriction, x.label AS label,
                    x.type = 'person' AS involves_person, x.type AS kind_detail, NULL AS named_ids FROM subjects x`,
    byDossier: 'x.id IN (SELECT subject_id FROM subject_dossier_links WHERE dossier_id = @dossierId) AND x.deleted_at IS NULL',
  },
};

/** The kinds a dossier's own output weighs, in the order documents show them. */
export const DOSSIER_FACT_KINDS: readonly FactKind[] = ['dossier', 'signal', 'dossier-link', 'subject-link', 'note', 'measure', 'attachment'];

interface Lookups {
  categories: Map<string, OrganisationCategory>;
  criminalBases: Set<string>;
}

function lookups(context: CoreContext): Lookups {
  const bases = context.db.prepare('SELECT code FROM legal_bases WHERE criminal_law = 1').pluck().all() as string[];
  return { categories: organisationCategories(context), criminalBases: new Set(bases) };
}

function isCriminalLaw(kind: FactKind, row: ProvenanceRow, criminalBases: Set<string>): boolean {
  if (row.received_under !== null && criminalBases.has(row.received_under)) return true;
  switch (kind) {
    case 'dossier':
      // Its summary says what is suspected, and of whom: outputs print it. Number and title alone do not.
      return row.involves_person === 1;
    case 'signal':
    case 'note':
    case 'attachment':
      return row.tlp !== 'CLEAR';
    case 'dossier-link':
    case 'subject-link':
    case 'subject':
      return row.involves_person === 1;
    case 'measure':
      return CRIMINAL_MEASURES.has(row.kind_detail as MeasureKind);
  }
}

function labelOf(kind: FactKind, row: ProvenanceRow): string {
  const text = row.label.replace(/\s+/g, ' ').trim();
  switch (kind) {
    case 'dossier-link':
      return `${text}: ${SUBJECT_ROLE_LABELS_NL[row.kind_detail as SubjectRole]?.toLowerCase() ?? row.kind_detail}`;
    case 'subject-link':
      return `${text} (${SUBJECT_LINK_KIND_LABELS_NL[row.kind_detail as SubjectLinkKind]?.toLowerCase() ?? row.kind_detail})`;
    case 'measure':
      return [MEASURE_KIND_LABELS_NL[row.kind_detail as MeasureKind] ?? row.kind_detail, text].filter(Boolean).join(': ');
    default:
      return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  }
}

function toFact(kind: FactKind, row: ProvenanceRow, { categories, criminalBases }: Lookups): SharedFact {
  return {
    ref: { kind, id: row.id },
    dossierId: row.dossier_id,
    label: labelOf(kind, row),
    tlp: row.tlp,
    originator: row.originator,
    originatorCategory: row.originator === null ? null : (categories.get(row.originator) ?? null),
    receivedUnder: row.received_under,
    restriction: row.use_restriction,
    criminalLaw: isCriminalLaw(kind, row, criminalBases),
  };
}

/** The facts `refs` name, in the order given; refs to facts that no longer exist or lie in the trash are skipped (an output shows neither). */
export function loadFacts(context: CoreContext, refs: readonly FactRef[]): SharedFact[] {
  const found = new Map<string, SharedFact>();
  const byKind = new Map<FactKind, number[]>();
  for (const ref of refs) byKind.set(ref.kind, [...(byKind.get(ref.kind) ?? []), ref.id]);
  const shared = lookups(context);
  const rows: Array<[FactKind, ProvenanceRow]> = [];
  for (const [kind, ids] of byKind) {
    const kindRows = context.db
      .prepare(`${QUERIES[kind].select} WHERE x.id IN (SELECT value FROM json_each(?)) AND ${QUERIES[kind].live}`)
      .all(JSON.stringify(ids)) as ProvenanceRow[];
    for (const row of kindRows) rows.push([kind, row]);
  }
  for (const fact of withNamedSubjects(context, rows, shared)) found.set(factKey(fact.ref), fact);
  return refs.map((ref) => found.get(factKey(ref))).filter((fact): fact is SharedFact => fact !== undefined);
}

/** Every fact of a dossier of the given kinds (not in the trash), kind by kind in `kinds` order. */
export function dossierFacts(context: CoreContext, dossierId: number, kinds: readonly FactKind[] = DOSSIER_FACT_KINDS): SharedFact[] {
  const shared = lookups(context);
  const rows = kinds.flatMap((kind) => {
    const query = QUERIES[kind];
    const kindRows = context.db.prepare(`${query.select} WHERE ${query.byDossier} ORDER BY x.id`).all({ dossierId }) as ProvenanceRow[];
    return kindRows.map((row): [FactKind, ProvenanceRow] => [kind, { ...row, dossier_id: row.dossier_id ?? dossierId }]);
  });
  return withNamedSubjects(context, rows, shared);
}

/** The facts of the rows, each link with the subject records its line names (`SharedFact.named`). */
function withNamedSubjects(context: CoreContext, rows: ReadonlyArray<[FactKind, ProvenanceRow]>, shared: Lookups): SharedFact[] {
  const namedIds = [...new Set(rows.flatMap(([, row]) => (row.named_ids ? (JSON.parse(row.named_ids) as number[]) : [])))];
  const subjects = new Map<number, SharedFact>();
  if (namedIds.length > 0) {
    const subjectRows = context.db.prepare(`${QUERIES.subject.select} WHERE x.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(namedIds)) as ProvenanceRow[];
    for (const row of subjectRows) subjects.set(row.id, toFact('subject', row, shared));
  }
  return rows.map(([kind, row]) => {
    const fact = toFact(kind, row, shared);
    if (!row.named_ids) return fact;
    const named = (JSON.parse(row.named_ids) as number[]).map((id) => subjects.get(id)).filter((subject): subject is SharedFact => subject !== undefined);
    return { ...fact, named: named.map((subject) => ({ ...subject, dossierId: fact.dossierId })) };
  });
}

/** The key a fact is found under in maps and sets. */
export const factKey = (ref: FactRef): string => `${ref.kind}:${ref.id}`;
