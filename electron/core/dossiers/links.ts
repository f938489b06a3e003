import type { ParsedInput } from '../../../shared/api';
import type { DossierLink, DossierRef, SubjectLink, SubjectSummary } from '../../../shared/api/dossier-types';
import type { DossierStatus, InformationGrade, SourceGrade, SubjectLinkKind, SubjectRole, TlpCode } from '../../../shared/domain/enums';
import { inTransaction, notFound, type CoreContext } from '../kernel/context';
import { requireDossier, touchDossier } from './dossier-records';
import { insertDossierLinkRow, insertSubjectLinkRow } from './link-records';
import { recordNewProvenance, type ProvenanceRow } from './fact-provenance';
import { PROVENANCE_COLUMNS, toProvenance } from '../sharing/provenance';
import { SUBJECT_SUMMARY_COLUMNS, requireSubject, toSubjectSummary, type SubjectSummaryRow } from './subject-records';

interface LinkMetadataRow extends ProvenanceRow {
  id: number;
  valid_from: string | null;
  valid_until: string | null;
  source: string | null;
  source_grade: SourceGrade;
  information_grade: InformationGrade;
  tlp: TlpCode;
  created_at: string;
}

interface DossierLinkRow extends LinkMetadataRow {
  subject_id: number;
  dossier_id: number;
  role: SubjectRole;
}

interface SubjectLinkRow extends LinkMetadataRow {
  from_subject_id: number;
  to_subject_id: number;
  kind: SubjectLinkKind;
}

const LINK_METADATA = `l.id, l.valid_from, l.valid_until, l.source, l.source_grade, l.information_grade, l.tlp, l.created_at, ${PROVENANCE_COLUMNS('l')}`;
const DOSSIER_LINK_COLUMNS = `${LINK_METADATA}, l.subject_id, l.dossier_id, l.role`;
const SUBJECT_LINK_COLUMNS = `${LINK_METADATA}, l.from_subject_id, l.to_subject_id, l.kind`;

function metadataOf(row: LinkMetadataRow) {
  return {
    id: row.id,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    source: row.source,
    sourceGrade: row.source_grade,
    informationGrade: row.information_grade,
    tlp: row.tlp,
    createdAt: row.created_at,
    provenance: toProvenance(row),
  };
}

/**
 * Reporter protection. A subject linked to a dossier as `melder` is the reporter's identity, which
 * is protected, because a named reporter can be put at risk: never exported or printed unless the
 * user says so for that item. The rule: a melder link exists only inside its own dossier. There it is returned with
 * `protected: true`, so the UI hides it by default; everywhere else (another dossier's "komt ook
 * voor in", a subject's dossiers in the network view, lists) it is left out, as if it were not there.
 */
export const PROTECTED_ROLE: SubjectRole = 'melder';

/** SQL condition: the link `alias` is not a protected (melder) link. */
export function unprotectedLink(alias: string): string {
  return `${alias}.role <> '${PROTECTED_ROLE}'`;
}

function toDossierLink(row: DossierLinkRow): DossierLink {
  return { ...metadataOf(row), subjectId: row.subject_id, dossierId: row.dossier_id, role: row.role, protected: row.role === PROTECTED_ROLE };
}

function toSubjectLink(row: SubjectLinkRow): SubjectLink {
  return { ...metadataOf(row), fromSubjectId: row.from_subject_id, toSubjectId: row.to_subject_id, kind: row.kind };
}

export function linkSubjectToDossier(context: CoreContext, input: ParsedInput<'subject.linkToDossier'>): DossierLink {
  return inTransaction(context, () => {
    requireSubject(context, input.subjectId);
    requireDossier(context, input.dossierId);
    const id = insertDossierLinkRow(context, {
      subjectId: input.subjectId,
      dossierId: input.dossierId,
      role: input.role,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      source: input.source,
      sourceGrade: input.sourceGrade,
      informationGrade: input.informationGrade,
      tlp: input.tlp,
    });
    recordNewProvenance(context, 'dossier-link', id, input.provenance);
    touchDossier(context, input.dossierId);
    context.audit('subject.linked-to-dossier', { linkId: id, subjectId: input.subjectId, dossierId: input.dossierId, role: input.role });
    const row = context.db.prepare(`SELECT ${DOSSIER_LINK_COLUMNS} FROM subject_dossier_links l WHERE l.id = ?`).get(id) as DossierLinkRow;
    return toDossierLink(row);
  });
}

export function linkSubjects(context: CoreContext, input: ParsedInput<'subject.link'>): SubjectLink {
  return inTransaction(context, () => {
    requireSubject(context, input.fromSubjectId);
    requireSubject(context, input.toSubjectId);
    const id = insertSubjectLinkRow(context, {
      fromSubjectId: input.fromSubjectId,
      toSubjectId: input.toSubjectId,
      kind: input.kind,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      source: input.source,
      sourceGrade: input.sourceGrade,
      informationGrade: input.informationGrade,
      tlp: input.tlp,
    });
    recordNewProvenance(context, 'subject-link', id, input.provenance);
    context.audit('subject.linked', { linkId: id, fromSubjectId: input.fromSubjectId, toSubjectId: input.toSubjectId, kind: input.kind });
    const row = context.db.prepare(`SELECT ${SUBJECT_LINK_COLUMNS} FROM subject_links l WHERE l.id = ?`).get(id) as SubjectLinkRow;
    return toSubjectLink(row);
  });
}

/**
 * Remove a subject–dossier link. The dossier must not be in the trash (its links are then frozen with
 * it); its `updated_at` moves. The audit entry holds ids only.
 */
export function unlinkSubjectFromDossier(context: CoreContext, linkId: number): { linkId: number } {
  return inTransaction(context, () => {
    const link = context.db.prepare('SELECT subject_id, dossier_id FROM subject_dossier_links WHERE id = ?').get(linkId) as
      { subject_id: number; dossier_id: number } | undefined;
    if (!link) throw notFound('dossier-link', linkId);
    requireDossier(context, link.dossier_id);
    context.db.prepare('DELETE FROM subject_dossier_links WHERE id = ?').run(linkId);
    touchDossier(context, link.dossier_id);
    context.audit('subject.unlinked-from-dossier', { linkId, subjectId: link.subject_id, dossierId: link.dossier_id });
    return { linkId };
  });
}

/** Remove a subject–subject link; the audit entry holds ids only. */
export function unlinkSubjects(context: CoreContext, linkId: number): { linkId: number } {
  return inTransaction(context, () => {
    const link = context.db.prepare('SELECT from_subject_id, to_subject_id FROM subject_links WHERE id = ?').get(linkId) as
      { from_subject_id: number; to_subject_id: number } | undefined;
    if (!link) throw notFound('subject-link', linkId);
    context.db.prepare('DELETE FROM subject_links WHERE id = ?').run(linkId);
    context.audit('subject.unlinked', { linkId, fromSubjectId: link.from_subject_id, toSubjectId: link.to_subject_id });
    return { linkId };
  });
}

/** The subjects of a dossier with their roles; subjects in the trash are left out; melder links come marked `protected`. */
export function dossierLinksOfDossier(context: CoreContext, dossierId: number): Array<DossierLink & { subject: SubjectSummary }> {
  const rows = context.db
    .prepare(
      `SELECT ${DOSSIER_LINK_COLUMNS}, ${aliased(SUBJECT_SUMMARY_COLUMNS, 'subject_summary_')}
         FROM subject_dossier_links l JOIN subjects sj ON sj.id = l.subject_id
        WHERE l.dossier_id = ? AND sj.deleted_at IS NULL
        ORDER BY sj.label COLLATE NOCASE, l.id`,
    )
    .all(dossierId) as Array<DossierLinkRow & Record<string, unknown>>;
  return rows.map((row) => ({ ...toDossierLink(row), subject: toSubjectSummary(unprefixed(row, 'subject_summary_')) }));
}

/**
 * The hot query behind a subject's dossiers (the network view): served by
 * subject_dossier_links_by_subject. Melder links are left out: the view leads to other dossiers.
 */
export const DOSSIER_LINKS_OF_SUBJECT_SQL = `
  SELECT ${DOSSIER_LINK_COLUMNS}, d.number AS dossier_number, d.title AS dossier_title, d.status AS dossier_status
    FROM subject_dossier_links l JOIN dossiers d ON d.id = l.dossier_id
   WHERE l.subject_id = ? AND d.deleted_at IS NULL AND ${unprotectedLink('l')}
   ORDER BY d.year DESC, d.sequence DESC, l.id`;

export function dossierLinksOfSubject(context: CoreContext, subjectId: number): Array<DossierLink & { dossier: DossierRef }> {
  const rows = context.db.prepare(DOSSIER_LINKS_OF_SUBJECT_SQL).all(subjectId) as Array<
    DossierLinkRow & { dossier_number: string; dossier_title: string; dossier_status: DossierStatus }
  >;
  return rows.map((row) => ({
    ...toDossierLink(row),
    dossier: { id: row.dossier_id, number: row.dossier_number, title: row.dossier_title, status: row.dossier_status },
  }));
}

/** Links in both directions, with the subject at the far end; links to subjects in the trash are left out. */
export function subjectLinksOf(context: CoreContext, subjectId: number): Array<SubjectLink & { direction: 'outgoing' | 'incoming'; other: SubjectSummary }> {
  const rows = context.db
    .prepare(
      `SELECT * FROM (
         SELECT ${SUBJECT_LINK_COLUMNS}, ${aliased(SUBJECT_SUMMARY_COLUMNS, 'other_')}
           FROM subject_links l JOIN subjects sj ON sj.id = l.to_subject_id
          WHERE l.from_subject_id = ? AND sj.deleted_at IS NULL
         UNION ALL
         SELECT ${SUBJECT_LINK_COLUMNS}, ${aliased(SUBJECT_SUMMARY_COLUMNS, 'other_')}
           FROM subject_links l JOIN subjects sj ON sj.id = l.from_subject_id
          WHERE l.to_subject_id = ? AND sj.deleted_at IS NULL
       ) ORDER BY id`,
    )
    .all(subjectId, subjectId) as Array<SubjectLinkRow & Record<string, unknown>>;
  return rows.map((row) => ({
    ...toSubjectLink(row),
    direction: row.from_subject_id === subjectId ? 'outgoing' : 'incoming',
    other: toSubjectSummary(unprefixed(row, 'other_')),
  }));
}

/** "sj.id, sj.label" → "sj.id AS other_id, sj.label AS other_label": a joined subject's columns, apart from the link's. */
function aliased(columns: string, prefix: string): string {
  return columns.replace(/sj\.(\w+)/g, `sj.$1 AS ${prefix}$1`);
}

/** The joined subject's columns of a row, without their prefix. */
function unprefixed(row: Record<string, unknown>, prefix: string): SubjectSummaryRow {
  return Object.fromEntries(
    Object.entries(row)
      .filter(([column]) => column.startsWith(prefix))
      .map(([column, value]) => [column.slice(prefix.length), value]),
  ) as unknown as SubjectSummaryRow;
}
