import type { BundleInspection, ImportResult } from '../../../shared/api/bundles';
import type { ParsedInput } from '../../../shared/api';
import type { ByteProgress } from '../kernel/chunking';
import { beginBulkWrite } from '../attachments/bulk-write';
import { timestamp, type CoreContext } from '../kernel/context';
import { subjectLabel } from '../dossiers/subject-label';
import { CoreError, toCoreError } from '../kernel/errors';
import type { Connection } from '../vault/connection';
import type { BundleAttachment, DossierDocument } from './format';
import type { VaultKeys } from './identity';
import { AttachmentImport, requireOpenTransaction } from './import/attachments';
import { chooseActions, dossierPreviews, type DossierChoice } from './import/dossier-choices';
import { writeDossier } from './import/dossier-items';
import { acceptSender, recordImport, refuseUnacceptedSender, senderOf } from './import/sender';
import { ImportSession } from './import/session';
import { invisibleTextFlags } from './import/invisible-text';
import { ReplayGuard, refuseRepeatedImport, withReplayWarnings } from './import/replay';
import { supplierContext } from './import/supplier';
import { partnerBySigningKey } from './address-book';
import { lastSubjectId, localSubjectFor, planSubjects, resolveSubjects, writeSubjectLinks, type SubjectPlan } from './import/subjects';
import { receivedMarking, type BundleMarking } from './tlp';
import { readBundle, type AttachmentSink, type BundleCredentials, type BundleDocuments, type ReadSummary, type VerifiedManifest } from './reader';

/**
 * Inspecting and importing a bundle. Both read the whole file (reader.ts); the inspection only
 * looks, the import writes, all of it or nothing, in ONE transaction around the whole read (with
 * the rollback journal instead of the WAL, attachments/bulk-write.ts): BEGIN before the first
 * byte, COMMIT after the last entry checked and the end of the age payload authenticated,
 * ROLLBACK on any error; a crash leaves a hot journal that the next open rolls back.
 *
 * Reads go on meanwhile (lane 'transaction', Core.callUntrusted): between the reader's awaits, a
 * read that writes nothing runs on the same connection, inside this transaction. So the import
 * writes nothing a read could see before its end:
 * - at the manifest and the documents it decides everything by reading only: the sender's
 *   acceptance, the choice per dossier, the local subject of each bundle subject, which
 *   attachments are new (and their ids, reserved above those in use);
 * - while the attachments stream, their chunks go into `attachment_chunks` under the reserved ids,
 *   with no `attachments` row yet: invisible to every read (import/attachments.ts);
 * - at the end, without an await in between: the sender's card, the import's own row, subjects,
 *   dossiers and their items, links, the attachment rows, provenance, the audit entry; then COMMIT.
 * The decisions made early still hold at the end: every other write waits for the import, and the
 * reads beside it write nothing. No statement or iterator is held open across an await.
 *
 * The import's parts live in import/: the sender's acceptance and the import's own row
 * (sender.ts), the choice per dossier (dossier-choices.ts), subject resolution (subjects.ts), the
 * dossiers and their items (dossier-items.ts) and the attachments (attachments.ts). They write
 * through the tables' row writers, as the API handlers do. This file puts them in order.
 * Provenance: the import (bundle id, sender, dates) and each item it created, updated or linked.
 */

type InspectInput = ParsedInput<'bundle.inspect'>;
type ImportInput = ParsedInput<'bundle.import'>;

function credentialsFor(keys: VaultKeys, passphrase: string | undefined): BundleCredentials {
  return { ageIdentity: keys.ageIdentity, ageRecipient: keys.ageRecipient, passphrase };
}

function inspectionOf(db: Connection, keys: VaultKeys, summary: ReadSummary): BundleInspection {
  const { manifest, manifestSha256, encryptedTo } = summary.verified;
  const marking = receivedMarking(manifest.tlp, summary.documents);
  return {
    bundleId: manifest.bundleId,
    manifestSha256,
    formatVersion: manifest.formatVersion,
    createdAt: manifest.createdAt,
    sender: senderOf(db, keys, summary.verified),
    encryptedTo,
    tlp: marking.tlp,
    declaredTlp: marking.declaredTlp,
    tlpUnderstated: marking.understated,
    tlpOverride: manifest.tlpOverride,
    redaction: manifest.redaction,
    entries: summary.entries,
    bytes: summary.bytes,
    dossiers: withReplayWarnings(db, manifest, dossierPreviews(db, summary.documents)),
    subjects: summary.documents.subjects.subjects.map((subject) => ({
      uid: subject.uid,
      type: subject.details.type,
      label: subjectLabel(subject.details),
      match: localSubjectFor(db, subject),
    })),
    invisibleText: invisibleTextFlags(manifest, summary.documents),
  };
}

/** Decrypt and verify everything, and say what an import would do. Writes nothing. */
export async function inspectBundle(context: CoreContext, keys: VaultKeys, input: InspectInput, onProgress?: ByteProgress): Promise<BundleInspection> {
  const visitor = { manifest: (verified: VerifiedManifest) => refuseRepeatedImport(context.db, verified.manifest) };
  const summary = await readBundle(input.path, credentialsFor(keys, input.passphrase), visitor, onProgress);
  return inspectionOf(context.db, keys, summary);
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────

/** What the documents step decided, by reading only; written at the end. */
interface ImportPlan {
  documents: BundleDocuments;
  marking: BundleMarking;
  actions: Map<string, DossierChoice>;
  subjects: SubjectPlan;
}

/** One import, called by the reader as it goes: the manifest, then the documents, then each attachment; then finish(). */
class ImportRun {
  private verified: VerifiedManifest | null = null;
  private plan: ImportPlan | null = null;
  private readonly attachments: AttachmentImport;
  private readonly now: string;
  private readonly lastExistingSubjectId: number;

  constructor(
    private readonly context: CoreContext,
    private readonly keys: VaultKeys,
    private readonly input: ImportInput,
  ) {
    this.now = timestamp(context);
    this.lastExistingSubjectId = lastSubjectId(context.db);
    this.attachments = new AttachmentImport(context);
  }

  private get db(): Connection {
    return this.context.db;
  }

  /** Reads only: another bundle than the one inspected, or a sender not accepted, stops the import before its payload. */
  manifest(verified: VerifiedManifest): void {
    if (verified.manifestSha256 !== this.input.manifestSha256) throw new CoreError('BUNDLE_CHANGED', 'the bundle is not the one that was inspected');
    refuseRepeatedImport(this.db, verified.manifest);
    refuseUnacceptedSender(this.db, this.keys, verified, this.input.acceptSender);
    this.verified = verified;
  }

  /** Reads only: what happens to each dossier, subject and attachment. */
  documents(documents: BundleDocuments): void {
    const marking = receivedMarking(this.verified!.manifest.tlp, documents);
    const actions = chooseActions(this.db, documents, this.input.dossiers);
    const kept = documents.dossiers.filter((dossier) => actions.get(dossier.uid)!.action !== 'skip');
    const neededSubjects = new Set(kept.flatMap((dossier) => dossier.subjects.map((link) => link.subjectUid)));
    const subjects = planSubjects(this.db, documents.subjects.subjects, neededSubjects, this.lastExistingSubjectId);
    this.attachments.plan(documents, actions);
    this.plan = { documents, marking, actions, subjects };
  }

  attachment(attachment: BundleAttachment, dossier: DossierDocument): AttachmentSink | null {
    return this.attachments.sink(attachment, dossier);
  }

  /** Everything checked: every row of the import, in one synchronous go, inside the open transaction. */
  finish(): ImportResult {
    requireOpenTransaction(this.db);
    const verified = this.verified!;
    const { documents, marking, actions, subjects } = this.plan!;
    const senderAdded = acceptSender(this.context, this.keys, verified, this.input.acceptSender);
    const importId = recordImport(this.context, verified, this.now);
    const { signingKey } = verified.manifest.sender;
    const senderIsSelf = signingKey === this.keys.signingPublicKey.toString('base64');
    const senderOrganisation = partnerBySigningKey(this.db, signingKey)?.organisationCode ?? null;
    const session = new ImportSession(this.context, importId, verified.manifest.bundleId, this.now, supplierContext(this.context, senderOrganisation, senderIsSelf));
    session.replay = new ReplayGuard(this.db, verified.manifest);

    resolveSubjects(session, subjects);
    const outcome: ImportResult['dossiers'] = [];
    const dossierIds = new Map<string, number>();
    for (const dossier of documents.dossiers) {
      const choice = actions.get(dossier.uid)!;
      if (choice.action === 'skip') {
        outcome.push({ uid: dossier.uid, action: choice.action, dossierId: null, number: null });
        continue;
      }
      const { dossierId, number } = writeDossier(session, dossier, choice);
      dossierIds.set(dossier.uid, dossierId);
      outcome.push({ uid: dossier.uid, action: choice.action, dossierId, number });
    }
    writeSubjectLinks(session, documents.subjects.links);
    this.attachments.writeRows(session, dossierIds);

    const result: ImportResult = {
      bundleId: verified.manifest.bundleId,
      importId,
      dossiers: outcome,
      created: session.created,
      updated: session.updated,
      linkedSubjects: session.linkedSubjects,
      keptNewer: session.replay?.kept ?? { dossiers: 0, signals: 0, notes: 0, measures: 0 },
      senderAdded,
    };
    this.context.audit('bundle.imported', {
      importId,
      bundleId: result.bundleId,
      manifestSha256: verified.manifestSha256,
      sender: { name: verified.manifest.sender.name, organisation: verified.manifest.sender.organisation, fingerprint: verified.manifest.sender.fingerprint },
      senderAdded,
      tlp: marking.tlp,
      declaredTlp: marking.declaredTlp,
      dossiers: outcome.map(({ action, dossierId, number }) => ({ action, dossierId, number })),
      created: session.created,
      updated: session.updated,
      linkedSubjects: session.linkedSubjects,
      // What an older bundle did not overwrite: the trail shows why an import changed less than it held.
      keptNewer: result.keptNewer,
    });
    return result;
  }
}

/**
 * Import a bundle, all of it or nothing. The manifest hash pins the bundle that was inspected;
 * an unknown or mismatching sender stops the import unless `acceptSender` repeats its fingerprint.
 */
export async function importBundle(context: CoreContext, keys: VaultKeys, input: ImportInput, onProgress?: ByteProgress): Promise<ImportResult> {
  const { db } = context;
  const run = new ImportRun(context, keys, input);
  let result: ImportResult;
  const endBulkWrite = beginBulkWrite(db);
  try {
    db.exec('BEGIN IMMEDIATE');
    // The chunks go in before their attachment's row (import/attachments.ts): their foreign key is checked at COMMIT.
    db.pragma('defer_foreign_keys = ON');
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
    // With the vault's path: SQLite reports some full disks as plain I/O errors, and only a look
    // at the vault's volume tells DISK_FULL from IO_ERROR.
    throw toCoreError(error, 'import bundle', db.name);
  } finally {
    // Back to the WAL (and the usual cache); see attachments/bulk-write.ts for why the import ran without it.
    endBulkWrite();
  }
  return result;
}
