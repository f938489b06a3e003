import type {
  BundleDossierPreview,
  BundleInspection,
  BundleSubjectPreview,
  ImportAction,
  ImportResult,
  PartnerCard,
} from '../../../shared/api/bundles';
import type { ParsedInput } from '../../../shared/api';
import type { ByteProgress } from '../attachments/chunking';
import { beginBulkWrite } from '../attachments/bulk-write';
import { ATTACHMENT_CHUNK_SIZE } from '../attachments/chunking';
import { decideMediaType } from '../attachments/media-type';
import { attachmentChunkWriter, completeAttachmentRow, insertAttachmentRow } from '../attachments/records';
import { timestamp, type DossierContext } from '../dossiers/context';
import { insertDossierRow, insertStatusChange, replaceDossierPartners, replaceDossierPhenomena, updateDossierRow } from '../dossiers/dossier-records';
import { insertDossierLinkRow, insertSubjectLinkRow } from '../dossiers/link-records';
import { matchKeysFor } from '../dossiers/match-keys';
import { insertMeasureRow, updateMeasureRow } from '../dossiers/measure-records';
import { insertNoteRow, updateNoteRow } from '../dossiers/note-records';
import { insertPhenomenonRow } from '../dossiers/phenomena';
import { insertSignalRow, updateSignalRow } from '../dossiers/signal-records';
import { subjectLabel } from '../dossiers/subject-label';
import { insertSubjectRow } from '../dossiers/subject-records';
import { CoreError } from '../errors';
import type { Connection } from '../vault/connection';
import { addPartner, conflictingPartner, partnerBySigningKey } from './address-book';
import type { BundleAttachment, BundlePhenomenon, BundleSubject, DossierDocument } from './format';
import { describeFingerprint, type VaultKeys } from './identity';
import { assignImportedUid, claimUid, itemByUid, recordProvenance, type ItemKind } from './item-uids';
import { readBundle, type AttachmentSink, type BundleCredentials, type BundleDocuments, type ReadSummary, type VerifiedManifest } from './reader';

/**
 * Inspecting and importing a bundle. Both read the whole file (reader.ts); the inspection only
 * looks, the import writes, in ONE transaction around the whole read (with the rollback journal
 * instead of the WAL, attachments/bulk-write.ts): BEGIN before the first
 * byte, COMMIT after the last entry checked and the end of the age payload authenticated,
 * ROLLBACK on any error. The transaction stays open across the reader's awaits; that is safe
 * because the Core runs one call at a time (its queue): nothing else can use the connection in
 * between, not even a lock, which waits for the import to finish.
 *
 * What an import does, per dossier:
 * - new: a new dossier with this vault's next number, the sender's status and history, and all
 *   its items; it keeps the bundle's uid unless that is taken (an earlier copy), then gets its own.
 * - update: the existing dossier (same uid) takes the bundle's descriptive fields, phenomena and
 *   partners; items it already has (same uid) are updated, the others added; nothing local is
 *   removed. Its status and history stay this vault's own (the process here is this vault's), and a
 *   reporter this vault knows is not wiped by a bundle that left the reporter out.
 * - skip: nothing of it is written (its attachments are still checked, as part of the bundle).
 * Subjects: the same subject (same uid), or one that shares a match key (BSN, KvK number, name
 * with birth date, address, number plate, IBAN, ...) is linked, not duplicated; its details stay
 * as this vault has them. Other subjects are created.
 * Provenance: the import (bundle id, sender, dates) and each item it created, updated or linked.
 */

type InspectInput = ParsedInput<'bundle.inspect'>;
type ImportInput = ParsedInput<'bundle.import'>;

function credentialsFor(keys: VaultKeys, passphrase: string | undefined): BundleCredentials {
  return { ageIdentity: keys.ageIdentity, ageRecipient: keys.ageRecipient, passphrase };
}

function senderCard(verified: VerifiedManifest): PartnerCard {
  const { sender } = verified.manifest;
  return {
    format: 'dossierkluis-partner-card',
    version: 1,
    name: sender.name,
    organisation: sender.organisation,
    ageRecipient: sender.ageRecipient,
    signingKey: sender.signingKey,
    fingerprint: sender.fingerprint,
  };
}

function senderOf(db: Connection, keys: VaultKeys, verified: VerifiedManifest): BundleInspection['sender'] {
  const card = senderCard(verified);
  const own = card.signingKey === keys.signingPublicKey.toString('base64');
  const partner = partnerBySigningKey(db, card.signingKey);
  const conflict = partner || own ? null : conflictingPartner(db, card);
  return {
    name: card.name,
    organisation: card.organisation,
    fingerprint: describeFingerprint(card.fingerprint),
    card,
    status: partner || own ? 'known' : conflict ? 'mismatch' : 'unknown',
    partner: partner ?? conflict,
  };
}

interface LocalDossier {
  id: number;
  number: string;
  title: string;
  inTrash: boolean;
}

function localDossierFor(db: Connection, uid: string): LocalDossier | null {
  const id = itemByUid(db, 'dossier', uid);
  if (id === null) return null;
  const row = db.prepare('SELECT id, number, title, deleted_at FROM dossiers WHERE id = ?').get(id) as
    | { id: number; number: string; title: string; deleted_at: string | null }
    | undefined;
  return row ? { id: row.id, number: row.number, title: row.title, inTrash: row.deleted_at !== null } : null;
}

/**
 * The subject of this vault that a bundle subject is: by uid first, then by the most shared match
 * keys. Only subjects up to `lastExistingId` count: two look-alikes inside one bundle stay two, as
 * the sender has them.
 */
function localSubjectFor(db: Connection, subject: BundleSubject, lastExistingId = Number.MAX_SAFE_INTEGER): BundleSubjectPreview['match'] {
  const byUid = itemByUid(db, 'subject', subject.uid);
  if (byUid !== null) {
    const row = db.prepare('SELECT id, label FROM subjects WHERE id = ? AND deleted_at IS NULL').get(byUid) as { id: number; label: string } | undefined;
    if (row) return { subjectId: row.id, label: row.label, by: 'uid', matchedOn: [] };
  }
  const keys = matchKeysFor(subject.details);
  if (keys.length === 0) return null;
  const row = db
    .prepare(
      `SELECT k.subject_id, sj.label, group_concat(DISTINCT k.kind) AS kinds, count(DISTINCT k.kind) AS shared
         FROM subject_match_keys k JOIN subjects sj ON sj.id = k.subject_id AND sj.deleted_at IS NULL AND sj.type = ? AND sj.id <= ?
        WHERE (k.kind, k.value) IN (VALUES ${keys.map(() => '(?, ?)').join(', ')})
        GROUP BY k.subject_id ORDER BY shared DESC, k.subject_id LIMIT 1`,
    )
    .get(subject.details.type, lastExistingId, ...keys.flatMap((key) => [key.kind, key.value])) as { subject_id: number; label: string; kinds: string } | undefined;
  return row ? { subjectId: row.subject_id, label: row.label, by: 'match-key', matchedOn: row.kinds.split(',').sort() } : null;
}

function dossierPreviews(db: Connection, documents: BundleDocuments): BundleDossierPreview[] {
  return documents.dossiers.map((dossier) => {
    const existing = localDossierFor(db, dossier.uid);
    return {
      uid: dossier.uid,
      number: dossier.number,
      title: dossier.title,
      status: dossier.status,
      tlp: dossier.tlp,
      signals: dossier.signals.length,
      subjects: dossier.subjects.length,
      notes: dossier.notes.length,
      measures: dossier.measures.length,
      attachments: dossier.attachments.length,
      attachmentBytes: dossier.attachments.reduce((sum, attachment) => sum + attachment.byteSize, 0),
      existing,
      suggestedAction: existing && !existing.inTrash ? 'update' : 'new',
    };
  });
}

function inspectionOf(db: Connection, keys: VaultKeys, summary: ReadSummary): BundleInspection {
  const { manifest, manifestSha256, encryptedTo } = summary.verified;
  return {
    bundleId: manifest.bundleId,
    manifestSha256,
    formatVersion: manifest.formatVersion,
    createdAt: manifest.createdAt,
    sender: senderOf(db, keys, summary.verified),
    encryptedTo,
    tlp: manifest.tlp,
    tlpOverride: manifest.tlpOverride,
    redaction: manifest.redaction,
    entries: summary.entries,
    bytes: summary.bytes,
    dossiers: dossierPreviews(db, summary.documents),
    subjects: summary.documents.subjects.subjects.map((subject) => ({
      uid: subject.uid,
      type: subject.details.type,
      label: subjectLabel(subject.details),
      match: localSubjectFor(db, subject),
    })),
  };
}

/** Decrypt and verify everything, and say what an import would do. Writes nothing. */
export async function inspectBundle(context: DossierContext, keys: VaultKeys, input: InspectInput, onProgress?: ByteProgress): Promise<BundleInspection> {
  const summary = await readBundle(input.path, credentialsFor(keys, input.passphrase), {}, onProgress);
  return inspectionOf(context.db, keys, summary);
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────

class ImportRun {
  private importId = 0;
  private verified: VerifiedManifest | null = null;
  private senderAdded = false;
  private readonly subjectIds = new Map<string, number>();
  private readonly dossierIds = new Map<string, number | null>();
  private readonly outcome: ImportResult['dossiers'] = [];
  private readonly skipAttachments = new Set<string>();
  private readonly created = { signals: 0, subjects: 0, notes: 0, measures: 0, attachments: 0, links: 0 };
  private readonly updated = { dossiers: 0, signals: 0, notes: 0, measures: 0 };
  private linkedSubjects = 0;
  private readonly now: string;
  private readonly lastExistingSubjectId: number;

  constructor(
    private readonly context: DossierContext,
    private readonly keys: VaultKeys,
    private readonly input: ImportInput,
  ) {
    this.now = timestamp(context);
    this.lastExistingSubjectId = (context.db.prepare('SELECT coalesce(max(id), 0) FROM subjects').pluck().get() as number) ?? 0;
  }

  private get db(): Connection {
    return this.context.db;
  }

  private provenance(kind: ItemKind, itemId: number, originUid: string, effect: 'created' | 'updated' | 'linked', originNumber?: string): void {
    recordProvenance(this.db, { kind, itemId, importId: this.importId, originUid, originNumber, effect });
  }

  manifest(verified: VerifiedManifest): void {
    if (verified.manifestSha256 !== this.input.manifestSha256) throw new CoreError('BUNDLE_CHANGED', 'the bundle is not the one that was inspected');
    const sender = senderOf(this.db, this.keys, verified);
    if (sender.status !== 'known') {
      if (this.input.acceptSender !== sender.fingerprint.hex) {
        const code = sender.status === 'mismatch' ? 'BUNDLE_SENDER_MISMATCH' : 'BUNDLE_SENDER_UNKNOWN';
        throw new CoreError(code, `sender ${sender.fingerprint.hex} is ${sender.status}`, {
          name: sender.name,
          organisation: sender.organisation,
          fingerprint: sender.fingerprint.hex,
        });
      }
      // Accepted: the card goes into the address book (not "verified": that takes a phone call).
      // A card whose age key another entry already has stays out; the import goes ahead.
      const taken = this.db
        .prepare('SELECT 1 FROM bundle_partners WHERE fingerprint = ? OR age_recipient = ? OR signing_key = ?')
        .get(sender.card.fingerprint, sender.card.ageRecipient, sender.card.signingKey);
      if (!taken) {
        addPartner(this.context, sender.card, false);
        this.senderAdded = true;
      }
    }
    const { manifest } = verified;
    this.importId = Number(
      this.db
        .prepare(
          `INSERT INTO bundle_imports (bundle_id, manifest_sha256, sender_name, sender_organisation, sender_fingerprint, bundle_created_at, imported_at, imported_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(manifest.bundleId, verified.manifestSha256, manifest.sender.name, manifest.sender.organisation, manifest.sender.fingerprint, manifest.createdAt, this.now, this.context.actor)
        .lastInsertRowid,
    );
    this.verified = verified;
  }

  /** The choice per dossier: as given, or the suggestion. An impossible choice is refused before anything is written. */
  private actions(documents: BundleDocuments): Map<string, { action: ImportAction; existing: LocalDossier | null }> {
    const previews = new Map(dossierPreviews(this.db, documents).map((preview) => [preview.uid, preview]));
    const chosen = new Map(this.input.dossiers.map((choice) => [choice.uid, choice.action]));
    for (const uid of chosen.keys()) {
      if (!previews.has(uid)) throw new CoreError('INVALID_INPUT', `dossier ${uid} is not in the bundle`, { field: 'dossiers', reason: 'bundle.unknown-dossier' });
    }
    const actions = new Map<string, { action: ImportAction; existing: LocalDossier | null }>();
    for (const [uid, preview] of previews) {
      const action = chosen.get(uid) ?? preview.suggestedAction;
      if (action === 'update' && (!preview.existing || preview.existing.inTrash)) {
        throw new CoreError('INVALID_INPUT', `dossier ${uid} has nothing here to update`, { field: 'dossiers', reason: 'bundle.nothing-to-update' });
      }
      actions.set(uid, { action, existing: preview.existing });
    }
    return actions;
  }

  documents(documents: BundleDocuments): void {
    const actions = this.actions(documents);
    const kept = documents.dossiers.filter((dossier) => actions.get(dossier.uid)!.action !== 'skip');
    const neededSubjects = new Set(kept.flatMap((dossier) => dossier.subjects.map((link) => link.subjectUid)));
    for (const subject of documents.subjects.subjects) if (neededSubjects.has(subject.uid)) this.resolveSubject(subject);

    for (const dossier of documents.dossiers) {
      const { action, existing } = actions.get(dossier.uid)!;
      if (action === 'skip') {
        this.dossierIds.set(dossier.uid, null);
        for (const attachment of dossier.attachments) this.skipAttachments.add(attachment.uid);
        this.outcome.push({ uid: dossier.uid, action, dossierId: null, number: null });
        continue;
      }
      const dossierId = action === 'update' ? this.updateDossier(existing!.id, dossier) : this.createDossier(dossier);
      this.dossierIds.set(dossier.uid, dossierId);
      this.writeItems(dossierId, dossier, action);
      const number = this.db.prepare('SELECT number FROM dossiers WHERE id = ?').pluck().get(dossierId) as string;
      this.outcome.push({ uid: dossier.uid, action, dossierId, number });
    }

    for (const link of documents.subjects.links) {
      const from = this.subjectIds.get(link.fromSubjectUid);
      const to = this.subjectIds.get(link.toSubjectUid);
      if (from === undefined || to === undefined || from === to) continue;
      if (this.liveLink('subject-link', link.uid, 'SELECT 1 FROM subject_links WHERE id = ?')) continue;
      const same = this.db.prepare('SELECT id FROM subject_links WHERE from_subject_id = ? AND to_subject_id = ? AND kind = ?').pluck().get(from, to, link.kind) as
        | number
        | undefined;
      if (same !== undefined) {
        claimUid(this.db, 'subject-link', same, link.uid);
        continue;
      }
      const id = insertSubjectLinkRow(this.context, {
        fromSubjectId: from,
        toSubjectId: to,
        kind: link.kind,
        validFrom: link.validFrom,
        validUntil: link.validUntil,
        source: link.source,
        sourceGrade: link.sourceGrade,
        informationGrade: link.informationGrade,
        tlp: link.tlp,
        createdAt: link.createdAt,
      });
      assignImportedUid(this.db, 'subject-link', id, link.uid);
      this.created.links++;
    }
  }

  private liveLink(kind: ItemKind, uid: string, existsSql: string, ...params: unknown[]): boolean {
    const id = itemByUid(this.db, kind, uid);
    return id !== null && this.db.prepare(existsSql).get(id, ...params) !== undefined;
  }

  private resolveSubject(subject: BundleSubject): void {
    const match = localSubjectFor(this.db, subject, this.lastExistingSubjectId);
    if (match) {
      this.subjectIds.set(subject.uid, match.subjectId);
      if (match.by === 'match-key') claimUid(this.db, 'subject', match.subjectId, subject.uid);
      this.provenance('subject', match.subjectId, subject.uid, 'linked');
      this.linkedSubjects++;
      return;
    }
    const id = insertSubjectRow(this.context, {
      details: subject.details,
      sourceGrade: subject.sourceGrade,
      informationGrade: subject.informationGrade,
      tlp: subject.tlp,
      createdAt: subject.createdAt,
      updatedAt: this.now,
    });
    assignImportedUid(this.db, 'subject', id, subject.uid);
    this.provenance('subject', id, subject.uid, 'created');
    this.subjectIds.set(subject.uid, id);
    this.created.subjects++;
  }

  /** A phenomenon by its code; one this vault does not have yet is added (under its parent, made too if need be). */
  private phenomenonId(phenomenon: BundlePhenomenon): number {
    const find = (code: string) => this.db.prepare('SELECT id FROM phenomena WHERE code = ?').pluck().get(code) as number | undefined;
    const existing = find(phenomenon.code);
    if (existing !== undefined) return existing;
    let parentId: number | null = null;
    if (phenomenon.parentCode) {
      parentId = find(phenomenon.parentCode) ?? this.addPhenomenon(phenomenon.parentCode, phenomenon.parentCode.replace(/_/g, ' '), null);
    }
    return this.addPhenomenon(phenomenon.code, phenomenon.label, parentId);
  }

  private addPhenomenon(code: string, label: string, parentId: number | null): number {
    const id = insertPhenomenonRow(this.context, { code, parentId, label });
    this.context.audit('phenomenon.added', { phenomenonId: id, code, viaBundle: this.verified!.manifest.bundleId });
    return id;
  }

  private createDossier(dossier: DossierDocument): number {
    const { id } = insertDossierRow(this.context, {
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
      updatedAt: this.now,
    });
    replaceDossierPhenomena(this.context, id, dossier.phenomena.map((phenomenon) => this.phenomenonId(phenomenon)));
    replaceDossierPartners(this.context, id, dossier.partners);
    for (const change of dossier.statusHistory) {
      insertStatusChange(this.context, {
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
    assignImportedUid(this.db, 'dossier', id, dossier.uid);
    this.provenance('dossier', id, dossier.uid, 'created', dossier.number);
    return id;
  }

  private updateDossier(id: number, dossier: DossierDocument): number {
    updateDossierRow(
      this.context,
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
      this.now,
    );
    replaceDossierPhenomena(this.context, id, dossier.phenomena.map((phenomenon) => this.phenomenonId(phenomenon)));
    replaceDossierPartners(this.context, id, dossier.partners);
    this.provenance('dossier', id, dossier.uid, 'updated', dossier.number);
    this.updated.dossiers++;
    return id;
  }

  /** The local item with this uid in this dossier, if the import may update it. */
  private existingIn(kind: ItemKind, table: string, uid: string, dossierId: number, action: ImportAction): number | null {
    if (action !== 'update') return null;
    const id = itemByUid(this.db, kind, uid);
    if (id === null) return null;
    return this.db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND dossier_id = ? AND deleted_at IS NULL`).get(id, dossierId) ? id : null;
  }

  private writeItems(dossierId: number, dossier: DossierDocument, action: ImportAction): void {
    const db = this.db;
    for (const signal of dossier.signals) {
      const phenomenonId = signal.phenomenon ? this.phenomenonId(signal.phenomenon) : null;
      const existing = this.existingIn('signal', 'signals', signal.uid, dossierId, action);
      if (existing !== null) {
        // A reporter this vault knows is not wiped by a bundle that left the reporter out; an
        // anonymous report keeps no reporter, whatever was there.
        const anonymous = signal.howReceived === 'anoniem';
        updateSignalRow(
          this.context,
          existing,
          {
            receivedOn: signal.receivedOn,
            howReceived: signal.howReceived,
            origin: signal.origin,
            phenomenonId,
            summary: signal.summary,
            description: signal.description,
            location: signal.location,
            sourceGrade: signal.sourceGrade,
            informationGrade: signal.informationGrade,
            tlp: signal.tlp,
            legalBasis: signal.legalBasis,
            purpose: signal.purpose,
            retentionUntil: signal.retentionUntil,
            reporterName: anonymous ? null : (signal.reporterName ?? undefined),
            reporterContact: anonymous ? null : (signal.reporterContact ?? undefined),
          },
          this.now,
        );
        this.provenance('signal', existing, signal.uid, 'updated');
        this.updated.signals++;
        continue;
      }
      const id = insertSignalRow(this.context, {
        receivedOn: signal.receivedOn,
        howReceived: signal.howReceived,
        reporterName: signal.reporterName,
        reporterContact: signal.reporterContact,
        reporterProtected: signal.reporterProtected,
        origin: signal.origin,
        phenomenonId,
        summary: signal.summary,
        description: signal.description,
        location: signal.location,
        sourceGrade: signal.sourceGrade,
        informationGrade: signal.informationGrade,
        tlp: signal.tlp,
        legalBasis: signal.legalBasis,
        purpose: signal.purpose,
        retentionUntil: signal.retentionUntil,
        dossierId,
        createdAt: signal.createdAt,
        updatedAt: signal.updatedAt,
      });
      assignImportedUid(db, 'signal', id, signal.uid);
      this.provenance('signal', id, signal.uid, 'created');
      this.created.signals++;
    }

    for (const note of dossier.notes) {
      const existing = this.existingIn('note', 'dossier_notes', note.uid, dossierId, action);
      if (existing !== null) {
        updateNoteRow(this.context, existing, {
          notedOn: note.notedOn,
          author: note.author,
          body: note.body,
          partner: note.partner,
          sourceGrade: note.sourceGrade,
          informationGrade: note.informationGrade,
          tlp: note.tlp,
          internal: note.internal,
        });
        this.provenance('note', existing, note.uid, 'updated');
        this.updated.notes++;
        continue;
      }
      const id = insertNoteRow(this.context, {
        dossierId,
        notedOn: note.notedOn,
        author: note.author,
        body: note.body,
        partner: note.partner,
        sourceGrade: note.sourceGrade,
        informationGrade: note.informationGrade,
        tlp: note.tlp,
        internal: note.internal,
        createdAt: note.createdAt,
      });
      assignImportedUid(db, 'note', id, note.uid);
      this.provenance('note', id, note.uid, 'created');
      this.created.notes++;
    }

    for (const measure of dossier.measures) {
      const existing = this.existingIn('measure', 'measures', measure.uid, dossierId, action);
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
      if (existing !== null) {
        updateMeasureRow(this.context, existing, fields, this.now);
        this.provenance('measure', existing, measure.uid, 'updated');
        this.updated.measures++;
        continue;
      }
      const id = insertMeasureRow(this.context, { ...fields, dossierId, createdAt: measure.createdAt, updatedAt: measure.updatedAt });
      assignImportedUid(db, 'measure', id, measure.uid);
      this.provenance('measure', id, measure.uid, 'created');
      this.created.measures++;
    }

    for (const link of dossier.subjects) {
      const subjectId = this.subjectIds.get(link.subjectUid)!;
      if (this.liveLink('dossier-link', link.uid, 'SELECT 1 FROM subject_dossier_links WHERE id = ? AND dossier_id = ?', dossierId)) continue;
      const same = db
        .prepare('SELECT id FROM subject_dossier_links WHERE subject_id = ? AND dossier_id = ? AND role = ?')
        .pluck()
        .get(subjectId, dossierId, link.role) as number | undefined;
      if (same !== undefined) {
        claimUid(db, 'dossier-link', same, link.uid);
        continue;
      }
      const id = insertDossierLinkRow(this.context, {
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
      assignImportedUid(db, 'dossier-link', id, link.uid);
      this.created.links++;
    }

    for (const attachment of dossier.attachments) {
      if (this.existingIn('attachment', 'attachments', attachment.uid, dossierId, action) !== null) this.skipAttachments.add(attachment.uid);
    }
  }

  /** An attachment's content goes into its new row, re-chunked to the vault's chunk size, inside the open transaction. */
  attachment(attachment: BundleAttachment, dossier: DossierDocument): AttachmentSink | null {
    const dossierId = this.dossierIds.get(dossier.uid);
    if (dossierId === null || dossierId === undefined || this.skipAttachments.has(attachment.uid)) return null;
    const db = this.db;
    const id = insertAttachmentRow(this.context, {
      dossierId,
      fileName: attachment.fileName,
      mediaType: attachment.mediaType,
      byteSize: attachment.byteSize,
      addedAt: attachment.addedAt,
      addedBy: attachment.addedBy,
      sourceGrade: attachment.sourceGrade,
      informationGrade: attachment.informationGrade,
      tlp: attachment.tlp,
    });
    const writeChunk = attachmentChunkWriter(this.context, id);
    const buffer = Buffer.allocUnsafe(ATTACHMENT_CHUNK_SIZE);
    let filled = 0;
    let seq = 0;
    let head: Buffer | null = null;
    const flush = () => {
      if (filled === 0) return;
      writeChunk(seq++, buffer.subarray(0, filled));
      filled = 0;
    };
    return {
      write: (piece) => {
        head ??= Buffer.from(piece.subarray(0, 64));
        let offset = 0;
        while (offset < piece.length) {
          const taken = piece.copy(buffer, filled, offset, Math.min(piece.length, offset + ATTACHMENT_CHUNK_SIZE - filled));
          filled += taken;
          offset += taken;
          if (filled === ATTACHMENT_CHUNK_SIZE) flush();
        }
      },
      finish: () => {
        flush();
        buffer.fill(0);
        // As attachment.import does: the content decides the media type of images and PDFs.
        const mediaType = decideMediaType(head ?? Buffer.alloc(0), attachment.fileName, attachment.mediaType);
        completeAttachmentRow(this.context, id, { sha256: attachment.sha256, mediaType });
        assignImportedUid(db, 'attachment', id, attachment.uid);
        this.provenance('attachment', id, attachment.uid, 'created');
        this.created.attachments++;
      },
    };
  }

  finish(): ImportResult {
    const verified = this.verified!;
    const result: ImportResult = {
      bundleId: verified.manifest.bundleId,
      importId: this.importId,
      dossiers: this.outcome,
      created: this.created,
      updated: this.updated,
      linkedSubjects: this.linkedSubjects,
      senderAdded: this.senderAdded,
    };
    const origin = new Map(this.outcome.map((dossier) => [dossier.uid, dossier]));
    this.context.audit('bundle.imported', {
      importId: this.importId,
      bundleId: result.bundleId,
      manifestSha256: verified.manifestSha256,
      sender: { name: verified.manifest.sender.name, organisation: verified.manifest.sender.organisation, fingerprint: verified.manifest.sender.fingerprint },
      senderAdded: this.senderAdded,
      dossiers: [...origin.values()].map(({ action, dossierId, number }) => ({ action, dossierId, number })),
      created: this.created,
      updated: this.updated,
      linkedSubjects: this.linkedSubjects,
    });
    return result;
  }
}

/**
 * Import a bundle, all of it or nothing. The manifest hash pins the bundle that was inspected;
 * an unknown or mismatching sender stops the import unless `acceptSender` repeats its fingerprint.
 */
export async function importBundle(context: DossierContext, keys: VaultKeys, input: ImportInput, onProgress?: ByteProgress): Promise<ImportResult> {
  const { db } = context;
  const run = new ImportRun(context, keys, input);
  let result: ImportResult;
  const endBulkWrite = beginBulkWrite(db);
  try {
    db.exec('BEGIN IMMEDIATE');
    await readBundle(
      input.path,
      credentialsFor(keys, input.passphrase),
      {
        manifest: (verified) => run.manifest(verified),
        documents: (documents) => run.documents(documents),
        attachment: (attachment, dossier) => run.attachment(attachment, dossier),
      },
      onProgress,
    );
    result = run.finish();
    db.exec('COMMIT');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  } finally {
    // Back to the WAL (and the usual cache); see attachments/bulk-write.ts for why the import ran without it.
    endBulkWrite();
  }
  return result;
}
