import type { ExportInclude, ExportItemKind, ExportRedaction } from '../../../shared/api/bundles';
import { subjectDetailsSchema, type SubjectDetails } from '../../../shared/api/subject-details';
import type { TlpCode } from '../../../shared/domain/enums';
import type { FactRef, UseRestriction } from '../../../shared/domain/sharing';
import { notFound, type CoreContext } from '../kernel/context';
import { PROTECTED_ROLE } from '../dossiers/links';
import type { Connection } from '../vault/connection';
import {
  DOCUMENT_SCHEMA_VERSION,
  DOSSIER_SCHEMA,
  SUBJECTS_SCHEMA,
  attachmentPath,
  type BundleAttachment,
  type BundleDossierLink,
  type BundleMeasure,
  type BundleNote,
  type BundlePhenomenon,
  type BundleSignal,
  type BundleSubject,
  type BundleSubjectLink,
  type DossierDocument,
  type SubjectsDocument,
} from './format';
import type { ItemKind } from './item-uids';

/**
 * What an export takes from the vault: the chosen dossiers with what the user included, minus
 * what the redaction leaves out. Read straight from the tables (not through the API functions,
 * which audit every view): the export writes one audit entry for all of it.
 *
 * Reporter protection holds here too, because a named reporter can be put at risk: a signal's
 * reporter goes along only when the signal's `reporterProtected` is off AND the user did not ask
 * to leave reporters out; subjects linked as melder (the reporter's identity) only when the user
 * did not ask to leave reporters out.
 */

export interface ExportSelection {
  dossierIds: readonly number[];
  include: ExportInclude;
  redact: ExportRedaction;
}

/**
 * Every item that leaves, for the sharing regime and the audit entry. `requires`: the items it
 * cannot travel without (a signal its dossier, a dossier link its subject); `requiresAny`: a
 * subject travels only with at least one of its dossier links.
 */
export interface OutgoingItem {
  kind: ExportItemKind;
  id: number;
  dossierNumber: string;
  label: string;
  tlp: TlpCode;
  requires: FactRef[];
  requiresAny?: FactRef[];
}

/** Whether an item goes into the bundle: the export's second pass keeps only what the regime lets go. */
export type KeepItem = (kind: ExportItemKind, id: number) => boolean;
const KEEP_ALL: KeepItem = () => true;

/** The provenance columns of a row, as the bundle carries them (docs/bundle-format.md, section 6). */
function provenanceOf(row: Record<string, unknown>): { originator: string | null; receivedUnder: string | null; restriction: UseRestriction } {
  return { originator: row.originator as string | null, receivedUnder: row.received_under as string | null, restriction: row.use_restriction as UseRestriction };
}

export interface OutgoingAttachment {
  attachmentId: number;
  uid: string;
  path: string;
  size: number;
  sha256: string;
  chunkSize: number;
}

export interface CollectedExport {
  subjects: SubjectsDocument;
  dossiers: Array<{ id: number; number: string; document: DossierDocument; attachmentBytes: number }>;
  attachments: OutgoingAttachment[];
  items: OutgoingItem[];
  leftOut: { reporters: number; melderLinks: number; bsns: number; internalNotes: number };
}

/** Gives each item its uid: the stored one (export), or a stand-in that is not stored (preview). */
export type UidFor = (kind: ItemKind, id: number) => string;

interface PhenomenonRow {
  id: number;
  code: string;
  label: string;
  parent_code: string | null;
}

function phenomenaOf(db: Connection): Map<number, BundlePhenomenon> {
  const rows = db
    .prepare('SELECT p.id, p.code, p.label, parent.code AS parent_code FROM phenomena p LEFT JOIN phenomena parent ON parent.id = p.parent_id')
    .all() as PhenomenonRow[];
  return new Map(rows.map((row) => [row.id, { code: row.code, label: row.label, parentCode: row.parent_code }]));
}

const LIVE = 'deleted_at IS NULL';

/**
 * What the selection holds. `keep` leaves items out (the regime's decision, made consistent by
 * bundles/sharing.ts): a dossier not kept takes all its items with it; a subject goes only with a
 * kept link to it, and links between subjects only when both go.
 */
export function collectExport(context: CoreContext, selection: ExportSelection, uidFor: UidFor, keep: KeepItem = KEEP_ALL): CollectedExport {
  const { db } = context;
  const { include, redact } = selection;
  const phenomena = phenomenaOf(db);
  const items: OutgoingItem[] = [];
  const leftOut = { reporters: 0, melderLinks: 0, bsns: 0, internalNotes: 0 };
  const subjectIds = new Map<number, string>(); // subject id → number of the first dossier that brings it
  const linksOfSubject = new Map<number, FactRef[]>();
  const dossiers: CollectedExport['dossiers'] = [];
  const attachments: OutgoingAttachment[] = [];

  for (const dossierId of new Set(selection.dossierIds)) {
    const row = db.prepare(`SELECT * FROM dossiers WHERE id = ? AND ${LIVE}`).get(dossierId) as Record<string, unknown> | undefined;
    if (!row) throw notFound('dossier', dossierId);
    const number = row.number as string;
    if (!keep('dossier', dossierId)) continue;
    const inDossier: FactRef[] = [{ kind: 'dossier', id: dossierId }];
    items.push({ kind: 'dossier', id: dossierId, dossierNumber: number, label: row.title as string, tlp: row.tlp as TlpCode, requires: [] });

    const dossierPhenomena = (db.prepare('SELECT phenomenon_id FROM dossier_phenomena WHERE dossier_id = ? ORDER BY phenomenon_id').pluck().all(dossierId) as number[])
      .map((id) => phenomena.get(id))
      .filter((phenomenon): phenomenon is BundlePhenomenon => phenomenon !== undefined);
    const partners = db.prepare('SELECT partner FROM dossier_partners WHERE dossier_id = ? ORDER BY partner').pluck().all(dossierId) as DossierDocument['partners'];
    const statusHistory = (db.prepare('SELECT * FROM dossier_status_changes WHERE dossier_id = ? ORDER BY id').all(dossierId) as Array<Record<string, unknown>>).map(
      (change) => ({
        fromStatus: change.from_status as DossierDocument['status'] | null,
        toStatus: change.to_status as DossierDocument['status'],
        changedOn: change.changed_on as string,
        recordedAt: change.recorded_at as string,
        actor: change.actor as string,
        reason: change.reason as string | null,
        closingReason: change.closing_reason as DossierDocument['closingReason'],
      }),
    );

    const signals: BundleSignal[] = [];
    if (include.signals) {
      for (const signal of db.prepare(`SELECT * FROM signals WHERE dossier_id = ? AND ${LIVE} ORDER BY received_on, id`).all(dossierId) as Array<Record<string, unknown>>) {
        if (!keep('signal', signal.id as number)) continue;
        const shareReporter = !redact.reporterIdentity && signal.reporter_protected === 0;
        if (!shareReporter && (signal.reporter_name || signal.reporter_contact)) leftOut.reporters++;
        signals.push({
          uid: uidFor('signal', signal.id as number),
          receivedOn: signal.received_on as string,
          howReceived: signal.how_received as BundleSignal['howReceived'],
          reporterName: shareReporter ? (signal.reporter_name as string | null) : null,
          reporterContact: shareReporter ? (signal.reporter_contact as string | null) : null,
          reporterProtected: signal.reporter_protected === 1,
          origin: signal.origin as BundleSignal['origin'],
          phenomenon: signal.phenomenon_id === null ? null : (phenomena.get(signal.phenomenon_id as number) ?? null),
          summary: signal.summary as string,
          description: signal.description as string | null,
          location: signal.location as string | null,
          sourceGrade: signal.source_grade as BundleSignal['sourceGrade'],
          informationGrade: signal.information_grade as BundleSignal['informationGrade'],
          tlp: signal.tlp as TlpCode,
          legalBasis: signal.legal_basis as string | null,
          purpose: signal.purpose as string | null,
          retentionUntil: signal.retention_until as string | null,
          ...provenanceOf(signal),
          createdAt: signal.created_at as string,
          updatedAt: signal.updated_at as string,
        });
        items.push({ kind: 'signal', id: signal.id as number, dossierNumber: number, label: signal.summary as string, tlp: signal.tlp as TlpCode, requires: inDossier });
      }
    }

    const links: BundleDossierLink[] = [];
    if (include.subjects) {
      const rows = db
        .prepare(
          `SELECT l.*, sj.label AS subject_label FROM subject_dossier_links l JOIN subjects sj ON sj.id = l.subject_id
            WHERE l.dossier_id = ? AND sj.${LIVE} ORDER BY l.id`,
        )
        .all(dossierId) as Array<Record<string, unknown>>;
      for (const link of rows) {
        if (link.role === PROTECTED_ROLE && redact.reporterIdentity) {
          leftOut.melderLinks++;
          continue;
        }
        const subjectId = link.subject_id as number;
        const linkRef: FactRef = { kind: 'dossier-link', id: link.id as number };
        linksOfSubject.set(subjectId, [...(linksOfSubject.get(subjectId) ?? []), linkRef]);
        if (!keep('dossier-link', linkRef.id) || !keep('subject', subjectId)) continue;
        if (!subjectIds.has(subjectId)) subjectIds.set(subjectId, number);
        links.push({
          uid: uidFor('dossier-link', link.id as number),
          subjectUid: uidFor('subject', subjectId),
          role: link.role as BundleDossierLink['role'],
          validFrom: link.valid_from as string | null,
          validUntil: link.valid_until as string | null,
          source: link.source as string | null,
          sourceGrade: link.source_grade as BundleDossierLink['sourceGrade'],
          informationGrade: link.information_grade as BundleDossierLink['informationGrade'],
          tlp: link.tlp as TlpCode,
          ...provenanceOf(link),
          createdAt: link.created_at as string,
        });
        items.push({
          kind: 'dossier-link',
          id: link.id as number,
          dossierNumber: number,
          label: `${link.subject_label as string} (${link.role as string})`,
          tlp: link.tlp as TlpCode,
          requires: [...inDossier, { kind: 'subject', id: subjectId }],
        });
      }
    }

    const notes: BundleNote[] = [];
    if (include.notes) {
      for (const note of db.prepare(`SELECT * FROM dossier_notes WHERE dossier_id = ? AND ${LIVE} ORDER BY noted_on, id`).all(dossierId) as Array<Record<string, unknown>>) {
        if (note.internal === 1 && redact.internalNotes) {
          leftOut.internalNotes++;
          continue;
        }
        if (!keep('note', note.id as number)) continue;
        notes.push({
          uid: uidFor('note', note.id as number),
          notedOn: note.noted_on as string,
          author: note.author as string,
          body: note.body as string,
          partner: note.partner as BundleNote['partner'],
          sourceGrade: note.source_grade as BundleNote['sourceGrade'],
          informationGrade: note.information_grade as BundleNote['informationGrade'],
          tlp: note.tlp as TlpCode,
          internal: note.internal === 1,
          ...provenanceOf(note),
          createdAt: note.created_at as string,
        });
        items.push({ kind: 'note', id: note.id as number, dossierNumber: number, label: (note.body as string).slice(0, 80), tlp: note.tlp as TlpCode, requires: inDossier });
      }
    }

    const measures: BundleMeasure[] = [];
    if (include.measures) {
      for (const measure of db.prepare(`SELECT * FROM measures WHERE dossier_id = ? AND ${LIVE} ORDER BY id`).all(dossierId) as Array<Record<string, unknown>>) {
        if (!keep('measure', measure.id as number)) continue;
        measures.push({
          uid: uidFor('measure', measure.id as number),
          kind: measure.kind as BundleMeasure['kind'],
          description: measure.description as string | null,
          partner: measure.partner as BundleMeasure['partner'],
          plannedOn: measure.planned_on as string | null,
          startedOn: measure.started_on as string | null,
          decidedOn: measure.decided_on as string | null,
          stage: measure.stage as BundleMeasure['stage'],
          outcome: measure.outcome as string | null,
          tlp: measure.tlp as TlpCode,
          ...provenanceOf(measure),
          createdAt: measure.created_at as string,
          updatedAt: measure.updated_at as string,
        });
        items.push({ kind: 'measure', id: measure.id as number, dossierNumber: number, label: measure.kind as string, tlp: measure.tlp as TlpCode, requires: inDossier });
      }
    }

    const dossierAttachments: BundleAttachment[] = [];
    let attachmentBytes = 0;
    if (include.attachments) {
      for (const attachment of db.prepare(`SELECT * FROM attachments WHERE dossier_id = ? AND ${LIVE} ORDER BY added_at, id`).all(dossierId) as Array<
        Record<string, unknown>
      >) {
        if (!keep('attachment', attachment.id as number)) continue;
        const uid = uidFor('attachment', attachment.id as number);
        const path = attachmentPath(uid);
        dossierAttachments.push({
          uid,
          path,
          fileName: attachment.file_name as string,
          mediaType: attachment.media_type as string,
          byteSize: attachment.byte_size as number,
          sha256: attachment.sha256 as string,
          addedAt: attachment.added_at as string,
          addedBy: attachment.added_by as string,
          sourceGrade: attachment.source_grade as BundleAttachment['sourceGrade'],
          informationGrade: attachment.information_grade as BundleAttachment['informationGrade'],
          tlp: attachment.tlp as TlpCode,
          ...provenanceOf(attachment),
        });
        attachments.push({
          attachmentId: attachment.id as number,
          uid,
          path,
          size: attachment.byte_size as number,
          sha256: attachment.sha256 as string,
          chunkSize: attachment.chunk_size as number,
        });
        attachmentBytes += attachment.byte_size as number;
        items.push({
          kind: 'attachment',
          id: attachment.id as number,
          dossierNumber: number,
          label: attachment.file_name as string,
          tlp: attachment.tlp as TlpCode,
          requires: inDossier,
        });
      }
    }

    dossiers.push({
      id: dossierId,
      number,
      attachmentBytes,
      document: {
        schema: DOSSIER_SCHEMA,
        schemaVersion: DOCUMENT_SCHEMA_VERSION,
        uid: uidFor('dossier', dossierId),
        number,
        title: row.title as string,
        summary: row.summary as string | null,
        priority: row.priority as DossierDocument['priority'],
        owner: row.owner as string | null,
        status: row.status as DossierDocument['status'],
        closingReason: row.closing_reason as DossierDocument['closingReason'],
        tlp: row.tlp as TlpCode,
        legalBasis: row.legal_basis as string | null,
        purpose: row.purpose as string | null,
        retentionUntil: row.retention_until as string | null,
        openedOn: row.opened_on as string,
        createdAt: row.created_at as string,
        updatedAt: row.updated_at as string,
        phenomena: dossierPhenomena,
        partners,
        statusHistory,
        signals,
        subjects: links,
        notes,
        measures,
        attachments: dossierAttachments,
      },
    });
  }

  const subjects: BundleSubject[] = [];
  for (const [subjectId, dossierNumber] of subjectIds) {
    const row = db.prepare('SELECT * FROM subjects WHERE id = ?').get(subjectId) as Record<string, unknown>;
    let details: SubjectDetails = subjectDetailsSchema.parse(JSON.parse(row.details as string));
    if (details.type === 'person' && details.bsn && redact.bsn) {
      details = { ...details, bsn: null };
      leftOut.bsns++;
    }
    subjects.push({
      uid: uidFor('subject', subjectId),
      details,
      sourceGrade: row.source_grade as BundleSubject['sourceGrade'],
      informationGrade: row.information_grade as BundleSubject['informationGrade'],
      tlp: row.tlp as TlpCode,
      createdAt: row.created_at as string,
      updatedAt: row.updated_at as string,
    });
    items.push({
      kind: 'subject',
      id: subjectId,
      dossierNumber,
      label: row.label as string,
      tlp: row.tlp as TlpCode,
      requires: [],
      requiresAny: linksOfSubject.get(subjectId) ?? [],
    });
  }

  const subjectLinks: BundleSubjectLink[] = [];
  if (subjectIds.size > 1) {
    const ids = JSON.stringify([...subjectIds.keys()]);
    const rows = db
      .prepare(
        `SELECT l.*, a.label AS from_label, b.label AS to_label FROM subject_links l
           JOIN subjects a ON a.id = l.from_subject_id JOIN subjects b ON b.id = l.to_subject_id
          WHERE l.from_subject_id IN (SELECT value FROM json_each(?)) AND l.to_subject_id IN (SELECT value FROM json_each(?))
          ORDER BY l.id`,
      )
      .all(ids, ids) as Array<Record<string, unknown>>;
    for (const link of rows) {
      if (!keep('subject-link', link.id as number)) continue;
      subjectLinks.push({
        uid: uidFor('subject-link', link.id as number),
        fromSubjectUid: uidFor('subject', link.from_subject_id as number),
        toSubjectUid: uidFor('subject', link.to_subject_id as number),
        kind: link.kind as BundleSubjectLink['kind'],
        validFrom: link.valid_from as string | null,
        validUntil: link.valid_until as string | null,
        source: link.source as string | null,
        sourceGrade: link.source_grade as BundleSubjectLink['sourceGrade'],
        informationGrade: link.information_grade as BundleSubjectLink['informationGrade'],
        tlp: link.tlp as TlpCode,
        ...provenanceOf(link),
        createdAt: link.created_at as string,
      });
      items.push({
        kind: 'subject-link',
        id: link.id as number,
        dossierNumber: subjectIds.get(link.from_subject_id as number)!,
        label: `${link.from_label as string} → ${link.to_label as string}`,
        tlp: link.tlp as TlpCode,
        requires: [
          { kind: 'subject', id: link.from_subject_id as number },
          { kind: 'subject', id: link.to_subject_id as number },
        ],
      });
    }
  }

  return {
    subjects: { schema: SUBJECTS_SCHEMA, schemaVersion: DOCUMENT_SCHEMA_VERSION, subjects, links: subjectLinks },
    dossiers,
    attachments,
    items,
    leftOut,
  };
}
