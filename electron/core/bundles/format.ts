import { z } from 'zod';
import {
  CLOSING_REASONS,
  DOSSIER_STATUSES,
  HOW_RECEIVED,
  INFORMATION_GRADES,
  MEASURE_KINDS,
  MEASURE_STAGES,
  PARTNERS,
  PRIORITIES,
  SOURCE_GRADES,
  SUBJECT_LINK_KINDS,
  SUBJECT_ROLES,
  TLP_CODES,
} from '../../../shared/domain/enums';
import { USE_RESTRICTIONS } from '../../../shared/domain/sharing';
import { isIsoDate } from '../../../shared/domain/validation';
import { subjectDetailsSchema } from '../../../shared/api/subject-details';

/**
 * The bundle format, version 1 (docs/bundle-format.md is the description for partners; this is
 * the definition the core reads and writes). Everything a bundle holds is checked against these
 * schemas on import: a document that does not fit is refused, never "repaired".
 */

export const BUNDLE_FORMAT = 'dossierkluis-bundle';
export const BUNDLE_FORMAT_VERSION = 1;
export const DOSSIER_SCHEMA = 'dossierkluis-dossier';
export const SUBJECTS_SCHEMA = 'dossierkluis-subjects';
export const DOCUMENT_SCHEMA_VERSION = 1;

export const MANIFEST_PATH = 'manifest.json';
export const SIGNATURE_PATH = 'manifest.sig';
export const SUBJECTS_PATH = 'subjects.json';

/** The file extension the app proposes; any name works. */
export const BUNDLE_EXTENSION = '.dkbundel';

// ── Limits (what an import accepts before it reads further) ─────────────────────────────────

export const LIMITS = {
  /** manifest.json: a few hundred bytes per entry. */
  manifestBytes: 8 * 1024 * 1024,
  /** An Ed25519 signature is exactly this long. */
  signatureBytes: 64,
  /** One JSON document (a dossier, or all subjects): parsed in memory, so bounded. */
  documentBytes: 64 * 1024 * 1024,
  /** All JSON documents together: an import holds them all until the attachments are in. */
  documentsTotalBytes: 256 * 1024 * 1024,
  /** One attachment. */
  attachmentBytes: 16 * 1024 * 1024 * 1024,
  /** Everything in the bundle together. */
  totalBytes: 64 * 1024 * 1024 * 1024,
  entries: 100_000,
  dossiers: 1_000,
  /** age's scrypt work factor (log2 N) a passphrase bundle may ask for: 2^18 × 1 KiB = 256 MiB, age's default. */
  scryptLogN: 18,
} as const;

// ── Entry paths ─────────────────────────────────────────────────────────────────────────────

const UID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DOSSIER_PATH = new RegExp(`^dossiers/(${UID})\\.json$`);
const ATTACHMENT_PATH = new RegExp(`^attachments/(${UID})$`);

export type EntryKind = 'subjects' | 'dossier' | 'attachment';

export const dossierPath = (uid: string): string => `dossiers/${uid}.json`;
export const attachmentPath = (uid: string): string => `attachments/${uid}`;

/**
 * A path that could write outside the folder it is extracted into, or that a tool would read
 * differently on another system: absolute, with `..` or `.` segments, backslashes, a drive
 * letter, control characters, or empty segments. Refused before anything else is looked at.
 */
export function isUnsafePath(path: string): boolean {
  if (path.length === 0 || path.length > 255) return true;
  if (/[\u0000-\u001f\u007f\\:]/.test(path)) return true;
  if (path.startsWith('/') || path.startsWith('~')) return true;
  return path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..');
}

export function entryKindOf(path: string): EntryKind | null {
  if (path === SUBJECTS_PATH) return 'subjects';
  if (DOSSIER_PATH.test(path)) return 'dossier';
  if (ATTACHMENT_PATH.test(path)) return 'attachment';
  return null;
}

// ── Shared pieces ───────────────────────────────────────────────────────────────────────────

export const uidSchema = z.string().regex(new RegExp(`^${UID}$`), 'uid');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().refine(isIsoDate, 'date.invalid');
const isoTimestamp = z.iso.datetime();
const requiredText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => value.trim() === value && value.length > 0, 'text');
const nullableText = (max: number) => z.string().max(max).nullable();
const tlp = z.enum(TLP_CODES);
const weighed = { sourceGrade: z.enum(SOURCE_GRADES), informationGrade: z.literal([...INFORMATION_GRADES]), tlp };
const partner = z.enum(PARTNERS);
/**
 * Who supplied a fact, on what basis and how it may be used (the sharing regime). Optional: bundles
 * written before the regime carry none, and the importer then takes the sender as the supplier.
 */
const code = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);
const provenance = {
  originator: code.nullable().optional(),
  receivedUnder: code.nullable().optional(),
  restriction: z.enum(USE_RESTRICTIONS).optional(),
};
const SHORT = 200;
const LONG = 20_000;

function periodInOrder(value: { validFrom: string | null; validUntil: string | null }, context: z.RefinementCtx) {
  if (value.validFrom && value.validUntil && value.validFrom > value.validUntil) context.addIssue({ code: 'custom', message: 'date.range' });
}

// ── manifest.json ───────────────────────────────────────────────────────────────────────────

export const fingerprintHexSchema = sha256Hex;

export const manifestEntrySchema = z
  .object({
    path: z.string().max(255),
    kind: z.enum(['subjects', 'dossier', 'attachment']),
    size: z.number().int().min(0).max(LIMITS.attachmentBytes),
    sha256: sha256Hex,
  })
  .strict();

const manifestParty = {
  name: z.string().min(1).max(200),
  organisation: z.string().max(200),
};

export const manifestSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
    bundleId: uidSchema,
    createdAt: isoTimestamp,
    generator: z.string().max(100),
    sender: z
      .object({
        ...manifestParty,
        ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/),
        signingKey: z.string().length(44),
        fingerprint: sha256Hex,
      })
      .strict(),
    encryptedTo: z
      .object({
        passphrase: z.boolean(),
        recipients: z
          .array(
            z
              .object({ ageRecipient: z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/), name: z.string().max(200).nullable(), organisation: z.string().max(200).nullable() })
              .strict(),
          )
          .max(50),
      })
      .strict(),
    tlp,
    tlpOverride: z
      .object({ reason: z.string().min(1).max(500) })
      .strict()
      .nullable(),
    include: z.object({ signals: z.boolean(), subjects: z.boolean(), notes: z.boolean(), measures: z.boolean(), attachments: z.boolean() }).strict(),
    redaction: z.object({ reporterIdentity: z.boolean(), bsn: z.boolean(), internalNotes: z.boolean() }).strict(),
    entries: z.array(manifestEntrySchema).min(1).max(LIMITS.entries),
  })
  .strict()
  .superRefine((manifest, context) => {
    const problem = (message: string) => context.addIssue({ code: 'custom', message, path: ['entries'] });
    if (manifest.encryptedTo.passphrase === manifest.encryptedTo.recipients.length > 0) problem('encryptedTo');
    const seen = new Set<string>();
    let total = 0;
    let documents = 0;
    let phase = 0;
    const order: Record<EntryKind, number> = { subjects: 0, dossier: 1, attachment: 2 };
    for (const entry of manifest.entries) {
      if (isUnsafePath(entry.path)) return problem('path.unsafe');
      if (entryKindOf(entry.path) !== entry.kind) return problem('path.kind');
      if (seen.has(entry.path)) return problem('path.duplicate');
      seen.add(entry.path);
      if (order[entry.kind] < phase) return problem('order');
      phase = order[entry.kind];
      if (entry.kind !== 'attachment' && entry.size > LIMITS.documentBytes) return problem('size.document');
      if (entry.kind !== 'attachment') documents += entry.size;
      total += entry.size;
    }
    if (total > LIMITS.totalBytes || documents > LIMITS.documentsTotalBytes) problem('size.total');
    if (manifest.entries[0]?.kind !== 'subjects' || manifest.entries.filter((entry) => entry.kind === 'subjects').length !== 1) problem('subjects');
    if (manifest.entries.filter((entry) => entry.kind === 'dossier').length > LIMITS.dossiers) problem('dossiers');
  });

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

// ── subjects.json ───────────────────────────────────────────────────────────────────────────

export const bundleSubjectSchema = z
  .object({
    uid: uidSchema,
    details: subjectDetailsSchema,
    ...weighed,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .strict();

export const bundleSubjectLinkSchema = z
  .object({
    uid: uidSchema,
    fromSubjectUid: uidSchema,
    toSubjectUid: uidSchema,
    kind: z.enum(SUBJECT_LINK_KINDS),
    validFrom: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    source: nullableText(SHORT),
    ...weighed,
    ...provenance,
    createdAt: isoTimestamp,
  })
  .strict()
  .superRefine(periodInOrder)
  .refine((link) => link.fromSubjectUid !== link.toSubjectUid, 'subject-link.self');

export const subjectsDocumentSchema = z
  .object({
    schema: z.literal(SUBJECTS_SCHEMA),
    schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
    subjects: z.array(bundleSubjectSchema).max(100_000),
    links: z.array(bundleSubjectLinkSchema).max(200_000),
  })
  .strict();

export type BundleSubject = z.infer<typeof bundleSubjectSchema>;
export type BundleSubjectLink = z.infer<typeof bundleSubjectLinkSchema>;
export type SubjectsDocument = z.infer<typeof subjectsDocumentSchema>;

// ── dossiers/<uid>.json ─────────────────────────────────────────────────────────────────────

const phenomenonCode = z.string().regex(/^[a-z0-9_]{1,80}(\.[a-z0-9_]{1,80})?$/);

export const bundlePhenomenonSchema = z
  .object({ code: phenomenonCode, label: requiredText(100), parentCode: phenomenonCode.nullable() })
  .strict()
  .refine(
    (phenomenon) => (phenomenon.parentCode === null) === !phenomenon.code.includes('.') && (!phenomenon.parentCode || phenomenon.code.startsWith(`${phenomenon.parentCode}.`)),
    'phenomenon.parent',
  );

export const bundleSignalSchema = z
  .object({
    uid: uidSchema,
    receivedOn: isoDate,
    howReceived: z.enum(HOW_RECEIVED),
    reporterName: nullableText(SHORT),
    reporterContact: nullableText(SHORT),
    reporterProtected: z.boolean(),
    origin: partner.nullable(),
    phenomenon: bundlePhenomenonSchema.nullable(),
    summary: requiredText(SHORT),
    description: nullableText(LONG),
    location: nullableText(SHORT),
    ...weighed,
    ...provenance,
    legalBasis: nullableText(SHORT),
    purpose: nullableText(SHORT),
    retentionUntil: isoDate.nullable(),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .strict()
  .refine((signal) => signal.howReceived !== 'anoniem' || (!signal.reporterName && !signal.reporterContact), 'reporter.anonymous');

export const bundleNoteSchema = z
  .object({
    uid: uidSchema,
    notedOn: isoDate,
    author: requiredText(SHORT),
    body: requiredText(LONG),
    partner: partner.nullable(),
    ...weighed,
    ...provenance,
    internal: z.boolean(),
    createdAt: isoTimestamp,
  })
  .strict();

export const bundleMeasureSchema = z
  .object({
    uid: uidSchema,
    kind: z.enum(MEASURE_KINDS),
    description: nullableText(LONG),
    partner: partner.nullable(),
    plannedOn: isoDate.nullable(),
    startedOn: isoDate.nullable(),
    decidedOn: isoDate.nullable(),
    stage: z.enum(MEASURE_STAGES),
    outcome: nullableText(LONG),
    tlp,
    ...provenance,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .strict();

export const bundleDossierLinkSchema = z
  .object({
    uid: uidSchema,
    subjectUid: uidSchema,
    role: z.enum(SUBJECT_ROLES),
    validFrom: isoDate.nullable(),
    validUntil: isoDate.nullable(),
    source: nullableText(SHORT),
    ...weighed,
    ...provenance,
    createdAt: isoTimestamp,
  })
  .strict()
  .superRefine(periodInOrder);

/** As attachments.file_name (migration 0004): a base name, never a path. */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => !/[/\\\u0000]/.test(name) && name !== '.' && name !== '..', 'file.name');

export const bundleAttachmentSchema = z
  .object({
    uid: uidSchema,
    path: z.string().max(255),
    fileName,
    mediaType: z.string().regex(/^[a-z0-9][a-z0-9!#$&^_.+-]{0,126}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$/i),
    byteSize: z.number().int().min(0).max(LIMITS.attachmentBytes),
    sha256: sha256Hex,
    addedAt: isoTimestamp,
    addedBy: requiredText(SHORT),
    ...weighed,
    ...provenance,
  })
  .strict()
  .refine((attachment) => attachment.path === attachmentPath(attachment.uid), 'attachment.path');

export const bundleStatusChangeSchema = z
  .object({
    fromStatus: z.enum(DOSSIER_STATUSES).nullable(),
    toStatus: z.enum(DOSSIER_STATUSES),
    changedOn: isoDate,
    recordedAt: isoTimestamp,
    actor: z.string().max(SHORT),
    reason: nullableText(LONG),
    closingReason: z.enum(CLOSING_REASONS).nullable(),
  })
  .strict()
  .refine((change) => (change.toStatus === 'afgesloten') === (change.closingReason !== null), 'closing-reason');

export const dossierDocumentSchema = z
  .object({
    schema: z.literal(DOSSIER_SCHEMA),
    schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
    uid: uidSchema,
    number: z.string().regex(/^\d{4}-\d{4,}$/),
    title: requiredText(SHORT),
    summary: nullableText(LONG),
    priority: z.enum(PRIORITIES),
    owner: nullableText(SHORT),
    status: z.enum(DOSSIER_STATUSES),
    closingReason: z.enum(CLOSING_REASONS).nullable(),
    tlp,
    legalBasis: nullableText(SHORT),
    purpose: nullableText(SHORT),
    retentionUntil: isoDate.nullable(),
    openedOn: isoDate,
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
    phenomena: z.array(bundlePhenomenonSchema).max(50),
    partners: z.array(partner).max(PARTNERS.length),
    statusHistory: z.array(bundleStatusChangeSchema).min(1).max(10_000),
    signals: z.array(bundleSignalSchema).max(50_000),
    subjects: z.array(bundleDossierLinkSchema).max(50_000),
    notes: z.array(bundleNoteSchema).max(50_000),
    measures: z.array(bundleMeasureSchema).max(10_000),
    attachments: z.array(bundleAttachmentSchema).max(10_000),
  })
  .strict()
  .refine((dossier) => (dossier.status === 'afgesloten') === (dossier.closingReason !== null), 'closing-reason')
  .refine((dossier) => dossier.statusHistory.at(-1)!.toStatus === dossier.status, 'status.history');

export type DossierDocument = z.infer<typeof dossierDocumentSchema>;
export type BundleSignal = z.infer<typeof bundleSignalSchema>;
export type BundleNote = z.infer<typeof bundleNoteSchema>;
export type BundleMeasure = z.infer<typeof bundleMeasureSchema>;
export type BundleDossierLink = z.infer<typeof bundleDossierLinkSchema>;
export type BundleAttachment = z.infer<typeof bundleAttachmentSchema>;
export type BundlePhenomenon = z.infer<typeof bundlePhenomenonSchema>;

/** JSON as written into a bundle: UTF-8, two-space indentation, a final newline (readable with any tool). */
export function encodeDocument(document: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
