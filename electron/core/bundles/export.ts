import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportPreview, ExportRecipient, ExportResult } from '../../../shared/api/bundles';
import type { ParsedInput } from '../../../shared/api';
import type { ByteProgress } from '../kernel/chunking';
import { fileError } from '../kernel/file-errors';
import { inTransaction, type CoreContext } from '../kernel/context';
import { CoreError } from '../kernel/errors';
import type { Connection } from '../vault/connection';
import type { SharingDecision } from '../sharing/policy';
import { organisationNames, describeAudience } from '../sharing/audience';
import { factKey, recordDisclosure } from '../sharing/regime';
import type { Audience } from '../../../shared/domain/sharing';
import { requirePartner } from './address-book';
import { collectExport, type CollectedExport, type UidFor } from './collect';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, MANIFEST_PATH, SIGNATURE_PATH, SUBJECTS_PATH, dossierPath, encodeDocument, type Manifest } from './format';
import { cardOf, isAgeRecipient, organisationOf, signBytes, type VaultKeys } from './identity';
import { ensureUid } from './item-uids';
import { bundleAudience, decideBundle } from './sharing';
import { writeEncryptedTarFile, type TarEntrySource } from './writer';
import type { BundleWriterScript } from './writer-thread';

export interface BundleOptions {
  /** scrypt work factor for passphrase bundles (age's default 18); tests lower it. */
  scryptLogN?: number;
  /** Named in the manifest: which program wrote the bundle. */
  generator?: string;
  /**
   * The bundle writer's worker script (the hosts pass the bundled bundle-writer-worker.*): age,
   * the file's hash and the writes then run beside the vault reads. Without it, in this thread.
   */
  writerWorker?: BundleWriterScript;
}

type PreviewInput = ParsedInput<'bundle.exportPreview'>;
type ExportInput = ParsedInput<'bundle.export'>;

/** The recipients as the address book knows them; a bare age key that belongs to a partner counts as that partner. */
export function resolveRecipients(db: Connection, inputs: PreviewInput['recipients']): ExportRecipient[] {
  const resolved = new Map<string, ExportRecipient>();
  inputs.forEach((input, index) => {
    let partnerId: number | null = null;
    if ('partnerId' in input) partnerId = input.partnerId;
    else {
      if (!isAgeRecipient(input.ageRecipient)) {
        throw new CoreError('INVALID_INPUT', `recipients.${index}: not an age recipient`, { field: `recipients.${index}.ageRecipient`, reason: 'bundle.age-recipient' });
      }
      partnerId = (db.prepare('SELECT id FROM bundle_partners WHERE age_recipient = ?').pluck().get(input.ageRecipient) as number | undefined) ?? null;
    }
    if (partnerId !== null) {
      const partner = requirePartner(db, partnerId);
      resolved.set(partner.ageRecipient, {
        partnerId,
        name: partner.name,
        organisation: partner.organisation,
        organisationCode: partner.organisationCode,
        ageRecipient: partner.ageRecipient,
        fingerprint: partner.fingerprint,
        verified: partner.verifiedAt !== null,
      });
    } else if ('ageRecipient' in input) {
      resolved.set(input.ageRecipient, {
        partnerId: null,
        name: null,
        organisation: null,
        organisationCode: null,
        ageRecipient: input.ageRecipient,
        fingerprint: null,
        verified: false,
      });
    }
  });
  return [...resolved.values()];
}

/**
 * The export under the sharing regime: everything the selection holds is collected once to weigh it
 * (bundles/sharing.ts), then again with only what may go, so that the documents hold exactly that.
 */
function collectUnderRegime(
  context: CoreContext,
  input: PreviewInput,
  uidFor: UidFor,
): { collected: CollectedExport; recipients: ExportRecipient[]; audience: Audience; decision: SharingDecision } {
  const recipients = resolveRecipients(context.db, input.recipients);
  const audience = bundleAudience(recipients, input.usePassphrase);
  // Uids are only given to what leaves: the weighing pass needs none.
  const candidates = collectExport(context, input, () => '00000000-0000-0000-0000-000000000000').items;
  const decision = decideBundle(context, candidates, audience, input.override);
  const going = new Set(decision.going.map((fact) => factKey(fact.ref)));
  const collected = collectExport(context, input, uidFor, (kind, id) => going.has(factKey({ kind, id })));
  return { collected, recipients, audience, decision };
}

function buildPreview(collected: CollectedExport, recipients: ExportRecipient[], passphrase: boolean, audience: Audience, decision: SharingDecision): ExportPreview {
  const dossiers = collected.dossiers.map(({ id, number, document, attachmentBytes }) => ({
    id,
    number,
    title: document.title,
    tlp: document.tlp,
    signals: document.signals.length,
    subjects: document.subjects.length,
    notes: document.notes.length,
    measures: document.measures.length,
    attachments: document.attachments.length,
    attachmentBytes,
  }));
  const sum = (pick: (dossier: (typeof dossiers)[number]) => number) => dossiers.reduce((total, dossier) => total + pick(dossier), 0);
  return {
    dossiers,
    totals: {
      signals: sum((dossier) => dossier.signals),
      subjects: collected.subjects.subjects.length,
      subjectLinks: collected.subjects.links.length,
      notes: sum((dossier) => dossier.notes),
      measures: sum((dossier) => dossier.measures),
      attachments: sum((dossier) => dossier.attachments),
      attachmentBytes: sum((dossier) => dossier.attachmentBytes),
    },
    leftOut: collected.leftOut,
    recipients,
    passphrase,
    audience,
    tlp: decision.summary.marking,
    sharing: decision.summary,
  };
}

/** Stand-ins for uids not yet given: the preview must not write. */
function previewUids(db: Connection): UidFor {
  const lookup = db.prepare('SELECT uid FROM bundle_item_uids WHERE kind = ? AND item_id = ?').pluck();
  const made = new Map<string, string>();
  return (kind, id) => {
    const stored = lookup.get(kind, id) as string | undefined;
    if (stored) return stored;
    const key = `${kind}/${id}`;
    if (!made.has(key)) made.set(key, crypto.randomUUID());
    return made.get(key)!;
  };
}

/** Exactly what would leave, and what the sharing regime leaves out and why. Reads only. */
export function previewExport(context: CoreContext, input: PreviewInput): ExportPreview {
  const { collected, recipients, audience, decision } = collectUnderRegime(context, input, previewUids(context.db));
  return buildPreview(collected, recipients, input.usePassphrase, audience, decision);
}

function refuseExisting(target: string, overwrite: boolean): void {
  let stats: fs.Stats;
  try {
    stats = fs.statSync(target);
  } catch {
    return;
  }
  if (stats.isDirectory()) throw new CoreError('INVALID_INPUT', 'export bundle: the target is a folder', { field: 'targetPath', reason: 'file.is-folder' });
  if (!overwrite) throw new CoreError('FILE_EXISTS', `export bundle: ${target} exists`);
}

/**
 * SQLite's page cache while the attachments stream out, in MiB. Their pages are read once, so the
 * vault's usual cache (64 MiB) would only fill up with them and stay full: the largest single part
 * of the export's peak memory. The reads answered beside the export need a few pages each.
 */
export const EXPORT_CACHE_MEBIBYTES = 8;

/** Shrink the connection's page cache for the export; the function returned puts the usual size back. */
function smallPageCache(db: Connection): () => void {
  const usual = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-1024 * EXPORT_CACHE_MEBIBYTES}`);
  return () => db.pragma(`cache_size = ${usual}`);
}

/** The content of one attachment, chunk by chunk from the vault, checked against its SHA-256 on the way. */
function* attachmentChunks(db: Connection, attachmentId: number, size: number, sha256: string): Generator<Uint8Array> {
  const chunkStatement = db.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? AND seq = ?').pluck();
  const corrupt = () => new CoreError('VAULT_CORRUPT', `export bundle: attachment ${attachmentId} does not match its SHA-256`, { attachmentId });
  const hash = crypto.createHash('sha256');
  let done = 0;
  for (let seq = 0; done < size; seq++) {
    const data = chunkStatement.get(attachmentId, seq) as Buffer | undefined;
    if (!data || data.length === 0 || done + data.length > size) throw corrupt();
    done += data.length;
    hash.update(data);
    // The last chunk is held back until the whole content is proven: a damaged attachment never leaves.
    if (done === size && hash.digest('hex') !== sha256) throw corrupt();
    yield data;
  }
  if (size === 0 && hash.digest('hex') !== sha256) throw corrupt();
}

/**
 * Write a bundle. First, in one transaction, the selection is collected under the sharing regime
 * (what may not go is left out; BUNDLE_TLP_BLOCKED when no dossier may go), items get their uids,
 * and the manifest is built and signed with the regime's marking; then the archive is streamed into
 * the file; only when the file is complete is the export recorded in the audit trail: what (dossier
 * ids and numbers, counts, bytes, the marking), to whom (each recipient's name, organisation and
 * fingerprint, or "passphrase"), an override with its reason, and the disclosure register's entry.
 */
export async function exportBundle(context: CoreContext, keys: VaultKeys, input: ExportInput, options: BundleOptions, onProgress?: ByteProgress): Promise<ExportResult> {
  const target = path.resolve(input.targetPath);
  refuseExisting(target, input.overwrite ?? false);
  const createdAt = context.now();
  const bundleId = crypto.randomUUID();

  const prepared = inTransaction(context, () => {
    const { collected, recipients, audience, decision } = collectUnderRegime(context, input, (kind, id) => ensureUid(context.db, kind, id));
    const preview = buildPreview(collected, recipients, input.usePassphrase, audience, decision);
    if (preview.dossiers.length === 0) {
      throw new CoreError('BUNDLE_TLP_BLOCKED', `none of the dossiers may go to this audience (${audience.kind})`, {
        count: decision.summary.withheld.length,
      });
    }
    const subjectsBytes = encodeDocument(collected.subjects);
    const dossierBytes = collected.dossiers.map((dossier) => ({ path: dossierPath(dossier.document.uid), bytes: encodeDocument(dossier.document) }));
    const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
    const sender = cardOf(keys, context.actor, organisationOf(context.db));
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      bundleId,
      createdAt: createdAt.toISOString(),
      generator: options.generator ?? 'Dossierkluis',
      sender: { name: sender.name, organisation: sender.organisation, ageRecipient: sender.ageRecipient, signingKey: sender.signingKey, fingerprint: sender.fingerprint },
      encryptedTo: {
        passphrase: input.usePassphrase,
        recipients: recipients.map((recipient) => ({ ageRecipient: recipient.ageRecipient, name: recipient.name, organisation: recipient.organisation })),
      },
      tlp: preview.tlp,
      tlpOverride: decision.summary.overrideReason !== null ? { reason: decision.summary.overrideReason } : null,
      include: input.include,
      redaction: input.redact,
      entries: [
        { path: SUBJECTS_PATH, kind: 'subjects', size: subjectsBytes.length, sha256: sha256(subjectsBytes) },
        ...dossierBytes.map((dossier) => ({ path: dossier.path, kind: 'dossier' as const, size: dossier.bytes.length, sha256: sha256(dossier.bytes) })),
        ...collected.attachments.map((attachment) => ({ path: attachment.path, kind: 'attachment' as const, size: attachment.size, sha256: attachment.sha256 })),
      ],
    };
    const manifestBytes = encodeDocument(manifest);
    return { collected, preview, audience, decision, manifest, manifestBytes, signature: signBytes(keys, manifestBytes), subjectsBytes, dossierBytes };
  });

  const { collected, preview, audience, decision, manifestBytes, signature } = prepared;
  const whole = (entryPath: string, bytes: Buffer): TarEntrySource => ({ path: entryPath, size: bytes.length, chunks: () => [bytes] });
  const entries: TarEntrySource[] = [
    whole(MANIFEST_PATH, manifestBytes),
    whole(SIGNATURE_PATH, signature),
    whole(SUBJECTS_PATH, prepared.subjectsBytes),
    ...prepared.dossierBytes.map((dossier) => whole(dossier.path, dossier.bytes)),
    ...collected.attachments.map((attachment) => ({
      path: attachment.path,
      size: attachment.size,
      chunks: () => attachmentChunks(context.db, attachment.attachmentId, attachment.size, attachment.sha256),
    })),
  ];
  const total = entries.reduce((sum, entry) => sum + entry.size, 0);
  let done = 0;
  onProgress?.(0, total);
  let written;
  const restoreCache = smallPageCache(context.db);
  try {
    written = await writeEncryptedTarFile(
      target,
      entries,
      input.usePassphrase ? { passphrase: input.passphrase!, scryptLogN: options.scryptLogN } : { recipients: preview.recipients.map((recipient) => recipient.ageRecipient) },
      createdAt,
      (bytes) => {
        done += bytes;
        onProgress?.(done, total);
      },
      { overwrite: input.overwrite ?? false, writerWorker: options.writerWorker },
    );
  } catch (error) {
    throw fileError(error, 'export bundle', target);
  } finally {
    restoreCache();
  }

  inTransaction(context, () => {
    const { overridden, overrideReason } = decision.summary;
    if (overrideReason !== null) {
      context.audit('bundle.tlp-overridden', {
        bundleId,
        reason: overrideReason,
        audience: describeAudience(audience, organisationNames(context)),
        count: overridden.length,
        items: overridden.slice(0, 200).map(({ ref, tlp }) => ({ kind: ref.kind, id: ref.id, tlp })),
      });
    }
    context.audit('bundle.exported', {
      bundleId,
      path: written.path,
      bytes: written.bytes,
      sha256: written.sha256,
      tlp: preview.tlp,
      dossiers: preview.dossiers.map(({ id, number }) => ({ id, number })),
      totals: preview.totals,
      leftOut: preview.leftOut,
      redaction: input.redact,
      to: input.usePassphrase
        ? [{ passphrase: true }]
        : preview.recipients.map((recipient) => ({
            partnerId: recipient.partnerId,
            name: recipient.name,
            organisation: recipient.organisation,
            ageRecipient: recipient.ageRecipient,
            fingerprint: recipient.fingerprint?.hex ?? null,
            verified: recipient.verified,
          })),
    });
    recordDisclosure(context, { output: 'bundle', channel: 'bundle', audience, decision, path: written.path });
  });
  return { path: written.path, bytes: written.bytes, bundleId, sha256: written.sha256, preview };
}
