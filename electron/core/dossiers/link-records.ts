import type { InformationGrade, SourceGrade, SubjectLinkKind, SubjectRole, TlpCode } from '../../../shared/domain/enums';
import { timestamp, type CoreContext } from '../kernel/context';

/**
 * The writers of `subject_dossier_links` and `subject_links` rows, for the API and the bundle
 * import alike. Every link carries the same metadata (period, source, grading, handling code):
 * left out is NULL, and the creation time defaults to now (an imported link keeps its own).
 */
export interface LinkMetadataValues {
  validFrom?: string | null;
  validUntil?: string | null;
  source?: string | null;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
  createdAt?: string;
}

const LINK_METADATA_INSERT = 'valid_from, valid_until, source, source_grade, information_grade, tlp, created_at';
const LINK_METADATA_VALUES = '@validFrom, @validUntil, @source, @sourceGrade, @informationGrade, @tlp, @createdAt';

function linkMetadataParams(context: CoreContext, link: LinkMetadataValues) {
  return {
    validFrom: link.validFrom ?? null,
    validUntil: link.validUntil ?? null,
    source: link.source ?? null,
    sourceGrade: link.sourceGrade,
    informationGrade: link.informationGrade,
    tlp: link.tlp,
    createdAt: link.createdAt ?? timestamp(context),
  };
}

export interface DossierLinkValues extends LinkMetadataValues {
  subjectId: number;
  dossierId: number;
  role: SubjectRole;
}

export function insertDossierLinkRow(context: CoreContext, link: DossierLinkValues): number {
  return Number(
    context.db
      .prepare(
        `INSERT INTO subject_dossier_links (subject_id, dossier_id, role, ${LINK_METADATA_INSERT})
         VALUES (@subjectId, @dossierId, @role, ${LINK_METADATA_VALUES})`,
      )
      .run({ subjectId: link.subjectId, dossierId: link.dossierId, role: link.role, ...linkMetadataParams(context, link) }).lastInsertRowid,
  );
}

export interface SubjectLinkValues extends LinkMetadataValues {
  fromSubjectId: number;
  toSubjectId: number;
  kind: SubjectLinkKind;
}

export function insertSubjectLinkRow(context: CoreContext, link: SubjectLinkValues): number {
  return Number(
    context.db
      .prepare(
        `INSERT INTO subject_links (from_subject_id, to_subject_id, kind, ${LINK_METADATA_INSERT})
         VALUES (@fromSubjectId, @toSubjectId, @kind, ${LINK_METADATA_VALUES})`,
      )
      .run({ fromSubjectId: link.fromSubjectId, toSubjectId: link.toSubjectId, kind: link.kind, ...linkMetadataParams(context, link) }).lastInsertRowid,
  );
}
