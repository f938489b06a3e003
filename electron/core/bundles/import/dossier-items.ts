import type { ImportAction } from '../../../../shared/api/bundles';
import { insertDossierRow, insertStatusChange, replaceDossierPartners, replaceDossierPhenomena, updateDossierRow } from '../../dossiers/dossier-records';
import { insertDossierLinkRow } from '../../dossiers/link-records';
import { insertMeasureRow, updateMeasureRow } from '../../dossiers/measure-records';
import { insertNoteRow, updateNoteRow } from '../../dossiers/note-records';
import { insertPhenomenonRow } from '../../dossiers/phenomena';
import { insertSignalRow, updateSignalRow } from '../../dossiers/signal-records';
import type { BundlePhenomenon, DossierDocument } from '../format';
import { assignImportedUid, claimUid } from '../item-uids';
import type { DossierChoice } from './dossier-choices';
import type { ImportSession } from './session';

/**
 * Writing a dossier and its items (signals, notes, measures, subject links) through the tables' row
 * writers, with the bundle's own uids and timestamps.
 * - new: a new dossier with this vault's next number, the sender's status and history, and all
 *   its items; it keeps the bundle's uid unless that is taken (an earlier copy), then gets its own.
 * - update: the existing dossier (same uid) takes the bundle's descriptive fields, phenomena and
 *   partners; items it already has (same uid) are updated, the others added; nothing local is
 *   removed. Its status and history stay this vault's own (the process here is this vault's), and a
 *   reporter this vault knows is not wiped by a bundle that left the reporter out.
 */

function addPhenomenon(session: ImportSession, code: string, label: string, parentId: number | null): number {
  const id = insertPhenomenonRow(session.context, { code, parentId, label });
  session.context.audit('phenomenon.added', { phenomenonId: id, code, viaBundle: session.bundleId });
  return id;
}

/** A phenomenon by its code; one this vault does not have yet is added (under its parent, made too if need be). */
function phenomenonId(session: ImportSession, phenomenon: BundlePhenomenon): number {
  const find = (code: string) => session.db.prepare('SELECT id FROM phenomena WHERE code = ?').pluck().get(code) as number | undefined;
  const existing = find(phenomenon.code);
  if (existing !== undefined) return existing;
  let parentId: number | null = null;
  if (phenomenon.parentCode) {
    parentId = find(phenomenon.parentCode) ?? addPhenomenon(session, phenomenon.parentCode, phenomenon.parentCode.replace(/_/g, ' '), null);
  }
  return addPhenomenon(session, phenomenon.code, phenomenon.label, parentId);
}

function createDossier(session: ImportSession, dossier: DossierDocument): number {
  const { context } = session;
  const { id } = insertDossierRow(context, {
    title: dossier.title,
    summary: dossier.summary,
    priority: dossier.priority,
    owner: dossier.owner,
    status: dossier.status,
    closingReason: dossier.closingReason,
    tlp: dossier.tlp,
    legalBasis: dossier.legalBasis,
    purpose: dossier.purpose,
    retentionUntil: dossier.retentionUntil,
    openedOn: dossier.openedOn,
    createdAt: dossier.createdAt,
    updatedAt: session.now,
  });
  replaceDossierPhenomena(
    context,
    id,
    dossier.phenomena.map((phenomenon) => phenomenonId(session, phenomenon)),
  );
  replaceDossierPartners(context, id, dossier.partners);
  for (const change of dossier.statusHistory) {
    insertStatusChange(context, {
      dossierId: id,
      fromStatus: change.fromStatus,
      toStatus: change.toStatus,
      changedOn: change.changedOn,
      recordedAt: change.recordedAt,
      actor: change.actor,
      reason: change.reason,
      closingReason: change.closingReason,
    });
  }
  assignImportedUid(session.db, 'dossier', id, dossier.uid);
  session.provenance('dossier', id, dossier.uid, 'created', dossier.number);
  return id;
}

function updateDossier(session: ImportSession, id: number, dossier: DossierDocument): number {
  const { context } = session;
  // A newer bundle of this sender wrote the dossier's fields: they stay; its new items still come in.
  if (session.replay?.keepsLocal('dossier', id)) return id;
  updateDossierRow(
    context,
    id,
    {
      title: dossier.title,
      summary: dossier.summary,
      priority: dossier.priority,
      owner: dossier.owner,
      tlp: dossier.tlp,
      legalBasis: dossier.legalBasis,
      purpose: dossier.purpose,
      retentionUntil: dossier.retentionUntil,
    },
    session.now,
  );
  replaceDossierPhenomena(
    context,
    id,
    dossier.phenomena.map((phenomenon) => phenomenonId(session, phenomenon)),
  );
  replaceDossierPartners(context, id, dossier.partners);
  session.provenance('dossier', id, dossier.uid, 'updated', dossier.number);
  session.updated.dossiers++;
  return id;
}

function writeSignals(session: ImportSession, dossierId: number, dossier: DossierDocument, action: ImportAction): void {
  for (const signal of dossier.signals) {
    const fields = {
      receivedOn: signal.receivedOn,
      howReceived: signal.howReceived,
      origin: signal.origin,
      phenomenonId: signal.phenomenon ? phenomenonId(session, signal.phenomenon) : null,
      summary: signal.summary,
      description: signal.description,
      location: signal.location,
      sourceGrade: signal.sourceGrade,
      informationGrade: signal.informationGrade,
      tlp: signal.tlp,
      legalBasis: signal.legalBasis,
      purpose: signal.purpose,
      retentionUntil: signal.retentionUntil,
    };
    // A reporter this vault knows is not wiped by a bundle that left the reporter out; an
    // anonymous report keeps no reporter, whatever was there.
    const anonymous = signal.howReceived === 'anoniem';
    session.writeDossierItem('signal', 'signals', signal.uid, dossierId, action, signal, {
      update: (id) =>
        updateSignalRow(
          session.context,
          id,
          {
            ...fields,
            reporterName: anonymous ? null : (signal.reporterName ?? undefined),
            reporterContact: anonymous ? null : (signal.reporterContact ?? undefined),
          },
          session.now,
        ),
      insert: () =>
        insertSignalRow(session.context, {
          ...fields,
          reporterName: signal.reporterName,
          reporterContact: signal.reporterContact,
          reporterProtected: signal.reporterProtected,
          dossierId,
          createdAt: signal.createdAt,
          updatedAt: signal.updatedAt,
        }),
    });
  }
}

function writeNotes(session: ImportSession, dossierId: number, dossier: DossierDocument, action: ImportAction): void {
  for (const note of dossier.notes) {
    const fields = {
      notedOn: note.notedOn,
      author: note.author,
      body: note.body,
      partner: note.partner,
      sourceGrade: note.sourceGrade,
      informationGrade: note.informationGrade,
      tlp: note.tlp,
      internal: note.internal,
    };
    session.writeDossierItem('note', 'dossier_notes', note.uid, dossierId, action, note, {
      update: (id) => updateNoteRow(session.context, id, fields),
      insert: () => insertNoteRow(session.context, { ...fields, dossierId, createdAt: note.createdAt }),
    });
  }
}

function writeMeasures(session: ImportSession, dossierId: number, dossier: DossierDocument, action: ImportAction): void {
  for (const measure of dossier.measures) {
    const fields = {
      kind: measure.kind,
      description: measure.description,
      partner: measure.partner,
      plannedOn: measure.plannedOn,
      startedOn: measure.startedOn,
      decidedOn: measure.decidedOn,
      stage: measure.stage,
      outcome: measure.outcome,
      tlp: measure.tlp,
    };
    session.writeDossierItem('measure', 'measures', measure.uid, dossierId, action, measure, {
      update: (id) => updateMeasureRow(session.context, id, fields, session.now),
      insert: () => insertMeasureRow(session.context, { ...fields, dossierId, createdAt: measure.createdAt, updatedAt: measure.updatedAt }),
    });
  }
}

/** The dossier's subjects, by the local subjects they resolved to; a link this dossier has (same uid, or same subject and role) is not made twice. */
function writeDossierLinks(session: ImportSession, dossierId: number, dossier: DossierDocument): void {
  const db = session.db;
  for (const link of dossier.subjects) {
    const subjectId = session.subjectIds.get(link.subjectUid)!;
    if (session.liveLink('dossier-link', link.uid, 'SELECT 1 FROM subject_dossier_links WHERE id = ? AND dossier_id = ?', dossierId)) continue;
    const same = db.prepare('SELECT id FROM subject_dossier_links WHERE subject_id = ? AND dossier_id = ? AND role = ?').pluck().get(subjectId, dossierId, link.role) as
      number | undefined;
    if (same !== undefined) {
      claimUid(db, 'dossier-link', same, link.uid);
      continue;
    }
    const id = insertDossierLinkRow(session.context, {
      subjectId,
      dossierId,
      role: link.role,
      validFrom: link.validFrom,
      validUntil: link.validUntil,
      source: link.source,
      sourceGrade: link.sourceGrade,
      informationGrade: link.informationGrade,
      tlp: link.tlp,
      createdAt: link.createdAt,
    });
    session.supplied('dossier-link', id, link);
    assignImportedUid(db, 'dossier-link', id, link.uid);
    session.created.links++;
  }
}

/** Write one dossier that is not skipped, with its items; its attachments are attachments.ts's. */
export function writeDossier(session: ImportSession, dossier: DossierDocument, choice: DossierChoice): { dossierId: number; number: string } {
  const { action, existing } = choice;
  const dossierId = action === 'update' ? updateDossier(session, existing!.id, dossier) : createDossier(session, dossier);
  writeSignals(session, dossierId, dossier, action);
  writeNotes(session, dossierId, dossier, action);
  writeMeasures(session, dossierId, dossier, action);
  writeDossierLinks(session, dossierId, dossier);
  const number = session.db.prepare('SELECT number FROM dossiers WHERE id = ?').pluck().get(dossierId) as string;
  return { dossierId, number };
}
