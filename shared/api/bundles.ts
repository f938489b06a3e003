import { z } from 'zod';
import type { DossierStatus, SubjectType, TlpCode } from '../domain/enums';
import { organisationCodeSchema, sharingOverrideSchema, type Audience, type SharingSummary } from '../domain/sharing';
import { defineHandler } from './define';
import { filePathSchema } from '../domain/validation';

/**
 * Encrypted, signed dossier bundles (docs/bundle-format.md): the vault's own identity, the address
 * book of partners, export (with a preview of exactly what leaves) and import (inspect first, then
 * import with a choice per dossier). Bundle files are read and written by the core; the renderer
 * passes paths and choices only.
 */

// ── Identity and address book ───────────────────────────────────────────────────────────────

/** A fingerprint as people compare it by phone: hex groups and words, both from the same 128 bits. */
export interface Fingerprint {
  /** SHA-256 of the public keys, 64 lower-case hex digits: what the software compares. */
  hex: string;
  /** The first 128 bits as 8 groups of 4 hex digits: "3f2a 9c01 ...". */
  groups: string[];
  /** The same 128 bits as 16 Dutch words, one per byte. */
  words: string[];
}

/** The public half of a vault's identity, as a partner card file carries it. */
export interface PartnerCard {
  format: 'dossierkluis-partner-card';
  version: 1;
  name: string;
  organisation: string;
  /** age X25519 recipient: `age1...`. */
  ageRecipient: string;
  /** Ed25519 public key, 32 bytes in base64. */
  signingKey: string;
  /** SHA-256 fingerprint over both keys, hex (see Fingerprint.hex). */
  fingerprint: string;
}

export interface BundleIdentity {
  name: string;
  organisation: string;
  ageRecipient: string;
  signingKey: string;
  fingerprint: Fingerprint;
  card: PartnerCard;
}

export interface AddressBookEntry {
  id: number;
  name: string;
  /** The organisation as the card names it (free text, for display). */
  organisation: string;
  /** The organisation in this vault's list (organisation.list) that the sharing regime weighs; null until the user chose one. */
  organisationCode: string | null;
  ageRecipient: string;
  /** Null for a plain age key (plainAge). */
  signingKey: string | null;
  /**
   * A partner known by a bare `age1…` key (from age-keygen), without a Dossierkluis card: it can
   * receive bundles, but has no signing key, so no bundle is ever recognised as coming from it.
   * Its fingerprint is that of the age key alone.
   */
  plainAge: boolean;
  fingerprint: Fingerprint;
  addedAt: string;
  /** When the user confirmed the fingerprint with the partner (by phone or in person); null until then. */
  verifiedAt: string | null;
  verifiedBy: string | null;
}

export interface CardPreview {
  /** For a plain age key: name and organisation empty (addressBook.add asks for them), signingKey empty. */
  card: PartnerCard;
  /** The file is a bare `age1…` key, not a Dossierkluis card (AddressBookEntry.plainAge). */
  plainAge: boolean;
  fingerprint: Fingerprint;
  /** The address-book entry with the same keys, if any. */
  existing: AddressBookEntry | null;
  /** The card of this vault itself. */
  isSelf: boolean;
}

// ── Export ──────────────────────────────────────────────────────────────────────────────────

export interface ExportInclude {
  signals: boolean;
  subjects: boolean;
  notes: boolean;
  measures: boolean;
  attachments: boolean;
}

export interface ExportRedaction {
  /** Leave out reporters' names and contacts and subjects linked as melder. */
  reporterIdentity: boolean;
  /** Leave out the BSN of persons. */
  bsn: boolean;
  /** Leave out notes marked internal. */
  internalNotes: boolean;
}

export type ExportItemKind = 'dossier' | 'signal' | 'subject' | 'dossier-link' | 'subject-link' | 'note' | 'measure' | 'attachment';

export interface ExportRecipient {
  /** The address-book entry, or null for a bare age recipient. */
  partnerId: number | null;
  name: string | null;
  organisation: string | null;
  /** The card's organisation in the organisation list: what the sharing regime weighs. Null for a bare key or a card without one. */
  organisationCode: string | null;
  ageRecipient: string;
  fingerprint: Fingerprint | null;
  verified: boolean;
}

export interface ExportPreview {
  dossiers: Array<{
    id: number;
    number: string;
    title: string;
    tlp: TlpCode;
    signals: number;
    subjects: number;
    notes: number;
    measures: number;
    attachments: number;
    attachmentBytes: number;
  }>;
  totals: { signals: number; subjects: number; subjectLinks: number; notes: number; measures: number; attachments: number; attachmentBytes: number };
  /** What the redaction left out, counted. */
  leftOut: { reporters: number; melderLinks: number; bsns: number; internalNotes: number };
  recipients: ExportRecipient[];
  passphrase: boolean;
  /** The recipients as the sharing regime and the disclosure register name them. */
  audience: Audience;
  /** The bundle's marking: the strictest code of what goes (sharing.marking). */
  tlp: TlpCode;
  /**
   * What the sharing regime left out and why, item by item (with what hangs on a left-out item: a
   * signal on its dossier, a link on its subject), and what goes by override. Left-out items are
   * not in the counts above; shared/i18n/sharing.ts's withheldLines says it in words.
   */
  sharing: SharingSummary;
}

export interface ExportResult {
  path: string;
  bytes: number;
  bundleId: string;
  /** SHA-256 of the bundle file, to compare with the recipient. */
  sha256: string;
  preview: ExportPreview;
}

// ── Import ──────────────────────────────────────────────────────────────────────────────────

/** known: the signing key is in the address book; unknown: it is not; mismatch: the sender's name or age key is, with another signing key. */
export type SenderStatus = 'known' | 'unknown' | 'mismatch';

export type ImportAction = 'new' | 'update' | 'skip';

export interface BundleSubjectPreview {
  uid: string;
  type: SubjectType;
  label: string;
  /** A subject of this vault that is the same one (same id, or sharing a match key): it is linked, not duplicated. */
  match: { subjectId: number; label: string; by: 'uid' | 'match-key'; matchedOn: string[] } | null;
}

export interface BundleDossierPreview {
  uid: string;
  /** The number at the sender; the vault gives a new dossier its own number. */
  number: string;
  title: string;
  status: DossierStatus;
  tlp: TlpCode;
  signals: number;
  subjects: number;
  notes: number;
  measures: number;
  attachments: number;
  attachmentBytes: number;
  /** The dossier of this vault with the same id (imported earlier, or exported from here). */
  existing: { id: number; number: string; title: string; inTrash: boolean } | null;
  suggestedAction: ImportAction;
  /**
   * This bundle is older than one of the same sender that this vault imported for this dossier:
   * that newer bundle. An import keeps every item the newer bundle wrote (docs/bundle-format.md 7a).
   */
  newerFromSender: { bundleId: string; bundleCreatedAt: string; importedAt: string } | null;
}

/** A field of a bundle's item whose text carries invisible or bidirectional controls (shared/text/bidi.ts). */
export interface InvisibleTextFlag {
  kind: 'sender' | 'dossier' | 'signal' | 'note' | 'measure' | 'attachment' | 'dossier-link' | 'status' | 'phenomenon' | 'subject' | 'subject-link';
  uid: string | null;
  /** The dossier's number at the sender, for a dossier and its items. */
  dossierNumber: string | null;
  /** The item's title, summary, file name or name, as it is (show it through the markers). */
  label: string;
  /** The field in the bundle's JSON: "title", "fileName", "details.name". */
  field: string;
  /** The distinct controls, as "U+202E". */
  controls: string[];
}

export interface BundleInspection {
  bundleId: string;
  /** SHA-256 of manifest.json: pass it to bundle.import so that exactly this bundle is imported. */
  manifestSha256: string;
  formatVersion: number;
  createdAt: string;
  sender: {
    name: string;
    organisation: string;
    fingerprint: Fingerprint;
    card: PartnerCard;
    status: SenderStatus;
    /** The address-book entry it matched (known) or conflicts with (mismatch). */
    partner: AddressBookEntry | null;
  };
  encryptedTo: 'identity' | 'passphrase';
  /** The bundle's marking, computed from its items (the most restricted of them), never taken from the manifest. */
  tlp: TlpCode;
  /** The marking the signed manifest states. */
  declaredTlp: TlpCode;
  /** The manifest states a less restrictive marking than the items carry: the preview warns. */
  tlpUnderstated: boolean;
  tlpOverride: { reason: string } | null;
  redaction: ExportRedaction;
  entries: number;
  bytes: number;
  dossiers: BundleDossierPreview[];
  subjects: BundleSubjectPreview[];
  /** Texts with invisible or bidirectional controls: imported as they are, shown with markers; the preview warns. */
  invisibleText: InvisibleTextFlag[];
}

export interface ImportResult {
  bundleId: string;
  importId: number;
  dossiers: Array<{ uid: string; action: ImportAction; dossierId: number | null; number: string | null }>;
  created: { signals: number; subjects: number; notes: number; measures: number; attachments: number; links: number };
  updated: { dossiers: number; signals: number; notes: number; measures: number };
  linkedSubjects: number;
  /** Items left as they were because a newer bundle of the same sender wrote them (replay). */
  keptNewer: { dossiers: number; signals: number; notes: number; measures: number };
  /** The sender's card went into the address book with this import. */
  senderAdded: boolean;
}

export const PROVENANCE_KINDS = ['dossier', 'signal', 'subject', 'note', 'measure', 'attachment'] as const;
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

export interface Provenance {
  bundleId: string;
  senderName: string;
  senderOrganisation: string;
  senderFingerprint: string;
  bundleCreatedAt: string;
  importedAt: string;
  importedBy: string;
  /** The item's id in the bundle, and for a dossier its number at the sender. */
  originUid: string;
  originNumber: string | null;
}

// ── Input schemas ───────────────────────────────────────────────────────────────────────────

const id = z.number().int().positive();
/** A bundle passphrase: scrypt in age. Long enough to resist guessing offline. */
export const BUNDLE_PASSPHRASE_MIN_LENGTH = 12;
const bundlePassphraseToOpen = z.string().min(1).max(1024);
const bundlePassphraseToSet = z.string().min(BUNDLE_PASSPHRASE_MIN_LENGTH, 'bundle.passphrase-short').max(1024);
const ageRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'bundle.age-recipient');
const fingerprintHex = z.string().regex(/^[0-9a-f]{64}$/, 'bundle.fingerprint');
const uid = z.uuid();

export const exportIncludeSchema = z
  .object({
    signals: z.boolean().default(true),
    subjects: z.boolean().default(true),
    notes: z.boolean().default(true),
    measures: z.boolean().default(true),
    attachments: z.boolean().default(true),
  })
  .strict();

export const exportRedactionSchema = z
  .object({
    reporterIdentity: z.boolean().default(true),
    bsn: z.boolean().default(true),
    internalNotes: z.boolean().default(true),
  })
  .strict();

const exportRecipientInput = z.union([z.object({ partnerId: id }).strict(), z.object({ ageRecipient }).strict()]);

const exportSelection = {
  dossierIds: z.array(id).min(1).max(200),
  include: exportIncludeSchema.default({ signals: true, subjects: true, notes: true, measures: true, attachments: true }),
  redact: exportRedactionSchema.default({ reporterIdentity: true, bsn: true, internalNotes: true }),
  recipients: z.array(exportRecipientInput).max(50).default([]),
  /** Encrypt to a passphrase instead of recipients (age allows one or the other, not both). */
  usePassphrase: z.boolean().default(false),
  /**
   * Let items go that the sharing regime leaves out: those listed, or without `items` all of them.
   * The reason goes into the audit trail and the disclosure register.
   */
  override: sharingOverrideSchema.optional(),
};

function recipientsXorPassphrase(value: { recipients: unknown[]; usePassphrase: boolean }, context: z.RefinementCtx) {
  if (value.usePassphrase && value.recipients.length > 0) {
    context.addIssue({ code: 'custom', message: 'bundle.recipients-and-passphrase', path: ['recipients'] });
  }
  if (!value.usePassphrase && value.recipients.length === 0) {
    context.addIssue({ code: 'custom', message: 'bundle.no-recipients', path: ['recipients'] });
  }
}

const dossierChoice = z.object({ uid, action: z.enum(['new', 'update', 'skip']) }).strict();

export const bundleApi = {
  /** This vault's identity: its age recipient, signing key, fingerprint and partner card. */
  'bundle.identity': defineHandler<BundleIdentity>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  /** The organisation named on this vault's partner card. */
  'bundle.setOrganisation': defineHandler<BundleIdentity>({ access: 'write', passive: false, lane: 'queue', audits: ['bundle.organisation-set'] })(
    z.object({ organisation: z.string().trim().max(200) }).strict(),
  ),
  /** Write this vault's partner card (JSON) to a file; an existing file only with `overwrite`. */
  'bundle.writeCard': defineHandler<{ path: string }>({ access: 'write', passive: false, lane: 'queue', audits: ['bundle.card-written'] })(
    z.object({ targetPath: filePathSchema, overwrite: z.boolean().optional() }).strict(),
  ),
  /**
   * Write the secret age identity (AGE-SECRET-KEY-1...) to a file, owner-only, for `age -d -i`.
   * Whoever has it can read every bundle sent to this vault: the UI warns first. Audited.
   */
  'bundle.writeAgeIdentity': defineHandler<{ path: string }>({ access: 'write', passive: false, lane: 'queue', audits: ['bundle.age-identity-written'] })(
    z.object({ targetPath: filePathSchema, overwrite: z.boolean().optional() }).strict(),
  ),

  'addressBook.list': defineHandler<AddressBookEntry[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({}).strict()),
  /** Read a partner card file (or a bare age key) and show its fingerprint before adding it. */
  'addressBook.readCard': defineHandler<CardPreview>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ path: filePathSchema }).strict()),
  /**
   * Add a partner card (from a file); `verified` when the fingerprint was compared already;
   * `organisationCode`: the card's organisation in the organisation list (the sharing regime weighs it).
   */
  'addressBook.add': defineHandler<AddressBookEntry>({ access: 'write', passive: false, lane: 'queue', audits: ['address-book.added'] })(
    z
      .object({
        path: filePathSchema,
        verified: z.boolean().default(false),
        organisationCode: organisationCodeSchema.nullable().default(null),
        /** For a bare age key only (a card names itself): the partner's name (required) and organisation. */
        name: z.string().trim().min(1, 'bundle.partner-name').max(200).optional(),
        organisation: z.string().trim().max(200).optional(),
      })
      .strict(),
  ),
  /** Set (or clear, with null) the organisation-list entry of a card: who the sharing regime sees behind its key. */
  'addressBook.setOrganisation': defineHandler<AddressBookEntry>({ access: 'write', passive: false, lane: 'queue', audits: ['address-book.organisation-set'] })(
    z.object({ partnerId: id, organisationCode: organisationCodeSchema.nullable() }).strict(),
  ),
  /** Record that the fingerprint was compared with the partner (today, by this vault's user). */
  'addressBook.verify': defineHandler<AddressBookEntry>({ access: 'write', passive: false, lane: 'queue', audits: ['address-book.verified'] })(
    z.object({ partnerId: id }).strict(),
  ),
  'addressBook.remove': defineHandler<{ partnerId: number }>({ access: 'write', passive: false, lane: 'queue', audits: ['address-book.removed'] })(
    z.object({ partnerId: id }).strict(),
  ),

  /** Exactly what would leave, and what the sharing regime leaves out and why; writes nothing. */
  'bundle.exportPreview': defineHandler<ExportPreview>({ access: 'read', passive: false, lane: 'queue', audits: [] })(
    z.object(exportSelection).strict().superRefine(recipientsXorPassphrase),
  ),
  /**
   * Write the bundle: to a temporary sibling of `targetPath`, renamed when complete. What the
   * sharing regime withholds is left out (the result's preview says what); BUNDLE_TLP_BLOCKED when
   * no dossier may go at all. Recorded in the disclosure register. Progress: job.progress
   * 'bundle-export' (bytes of content).
   */
  'bundle.export': defineHandler<ExportResult>({
    access: 'write',
    passive: false,
    lane: 'streaming',
    audits: ['bundle.exported', 'bundle.tlp-overridden', 'disclosure.recorded'],
  })(
    z
      .object({
        ...exportSelection,
        passphrase: bundlePassphraseToSet.optional(),
        targetPath: filePathSchema,
        overwrite: z.boolean().optional(),
      })
      .strict()
      .superRefine(recipientsXorPassphrase)
      .superRefine((value, context) => {
        if (value.usePassphrase !== (value.passphrase !== undefined)) {
          context.addIssue({ code: 'custom', message: 'bundle.passphrase-required', path: ['passphrase'] });
        }
      }),
  ),

  /**
   * Decrypt (with this vault's identity, or the passphrase), verify the signature and every entry,
   * validate every document, and preview what an import would do. Changes nothing. Progress:
   * job.progress 'bundle-inspect'.
   */
  'bundle.inspect': defineHandler<BundleInspection>({ access: 'read', passive: false, lane: 'streaming', audits: [] })(
    z.object({ path: filePathSchema, passphrase: bundlePassphraseToOpen.optional() }).strict(),
  ),
  /**
   * Import in one transaction: an error anywhere leaves the vault as it was. Reads that write
   * nothing are answered while it runs and see none of it until it ends (lane 'transaction',
   * electron/core/bundles/import.ts). `manifestSha256` from
   * bundle.inspect pins the bundle that was previewed. An unknown or mismatching sender is refused
   * unless `acceptSender` repeats its fingerprint; the card then goes into the address book.
   * Dossiers left out of `dossiers` get their suggested action. Progress: job.progress 'bundle-import'.
   */
  'bundle.import': defineHandler<ImportResult>({
    access: 'write',
    passive: false,
    lane: 'transaction',
    audits: ['bundle.imported', 'phenomenon.added', 'address-book.added'],
  })(
    z
      .object({
        path: filePathSchema,
        passphrase: bundlePassphraseToOpen.optional(),
        manifestSha256: z.string().regex(/^[0-9a-f]{64}$/, 'bundle.manifest-hash'),
        acceptSender: fingerprintHex.optional(),
        dossiers: z.array(dossierChoice).max(1000).default([]),
      })
      .strict(),
  ),
  /** Where an imported item came from: every import that created or updated it, oldest first. */
  'bundle.provenance': defineHandler<Provenance[]>({ access: 'read', passive: false, lane: 'queue', audits: [] })(z.object({ kind: z.enum(PROVENANCE_KINDS), id }).strict()),
};
