import type { ProtectedKind } from '../api/documents';
import type { TrashKind } from '../api/dossier-types';
import type { MeetingKind } from '../api/meetings';
import type { RetentionDefaults, RetentionKind } from '../api/reports';
import type { VaultSettings } from '../api/vault';
import type { AuditAction } from './audit-actions';
import type { Audience, DisclosureChannel, DisclosureOutput, FactKind, FactRef, OrganisationCategory, WithholdReason } from './sharing';
import type { ClosingReason, DossierStatus, MeasureKind, SubjectLinkKind, SubjectRole, SubjectType, TlpCode } from './enums';

/**
 * What each audit action writes in its details: ids, counts, field names and codes, never the
 * content itself (the trail outlives the items it names). The core's `audit()` takes
 * `AuditDetails[A]` for action `A`, so an entry cannot be written with a detail its readers (the
 * audit screen, the access request, the PDFs) do not know.
 */

declare const subjectReference: unique symbol;

/**
 * A detail that names a subject. The core records these in the `audit_subjects` index in the same
 * transaction as the entry, so that an access request finds every entry about a person by id, not
 * by searching the details' text. Written as a plain number (see `AuditDetails`).
 */
export type SubjectRef = number & { readonly [subjectReference]: true };

/** What a passphrase is asked for inside a session, after unlock. */
export type PassphrasePurpose = 'recovery-key' | 'passphrase-change' | 'key-rotation';

/** An action that records nothing beyond its name. */
type NoDetails = Readonly<Record<string, never>>;

/** `signal.trashed`, `dossier.restored`, ...: the id of the item of the kind the action names. */
type TrashDetails = { id: number };

interface AuditDetailSpec {
  'access-request.exported': { format: 'pdf'; criteria: string[]; subjects: number; dossiers: number; reference: string | null };
  'access-request.handled': { criteria: string[]; subjects: number; dossiers: number; reference: string | null };
  'address-book.added': { partnerId: number; name: string; organisation: string; fingerprint: string; verified: boolean };
  'address-book.removed': { partnerId: number; fingerprint: string };
  'address-book.verified': { partnerId: number; fingerprint: string };
  'address-book.organisation-set': { partnerId: number; organisationCode: string | null };
  'attachment.copies-removed': { removed: number; left: number };
  'attachment.copy-opened': { attachmentId: number; bytes: number };
  'attachment.exported': { attachmentId: number; bytes: number };
  'attachment.imported': { attachmentId: number; dossierId: number; bytes: number };
  'attachment.list-viewed': { dossierId: number };
  'attachment.restored': TrashDetails;
  'attachment.trashed': TrashDetails;
  'attachment.viewed': { attachmentId: number; dossierId: number; purpose: 'preview' } | { attachmentId: number; offset: number; length: number };
  'audit.viewed': NoDetails;
  'bundle.age-identity-written': { path: string; ageRecipient: string };
  'bundle.card-written': { path: string; fingerprint: string };
  'bundle.exported': {
    bundleId: string;
    path: string;
    bytes: number;
    sha256: string;
    tlp: TlpCode;
    dossiers: Array<{ id: number; number: string }>;
    totals: Record<string, number>;
    leftOut: unknown;
    redaction: unknown;
    to: Array<
      | { passphrase: true }
      | { partnerId: number | null; name: string | null; organisation: string | null; ageRecipient: string; fingerprint: string | null; verified: boolean }
    >;
  };
  'bundle.imported': {
    importId: number;
    bundleId: string;
    manifestSha256: string;
    sender: { name: string; organisation: string; fingerprint: string };
    senderAdded: boolean;
    /** The bundle's marking computed from its items, and the one its manifest stated. */
    tlp: TlpCode;
    declaredTlp: TlpCode;
    dossiers: Array<{ action: string; dossierId: number | null; number: string | null }>;
    /** Counts per kind of item. */
    created: Record<string, number>;
    updated: Record<string, number>;
    linkedSubjects: number;
    /** Items an older bundle did not overwrite, because a newer bundle of the same sender wrote them (absent in older entries). */
    keptNewer?: Record<string, number>;
  };
  'bundle.organisation-set': { organisation: string };
  'bundle.tlp-overridden': { bundleId: string; reason: string; audience: string; count: number; items: Array<{ kind: string; id: number; tlp: TlpCode }> };
  'document.compared': { documentId: number; fromVersion: number; toVersion: number };
  /** `included`: the protected material the user chose to include. */
  'document.composed': { documentId: number; dossierId: number; version: number; included: ProtectedKind[] };
  'document.exported': { documentId: number; version: number; format: 'pdf' | 'docx'; path: string };
  'document.printed': { documentId: number; version: number };
  /** `tlp` only when the version changed it. */
  'document.saved': { documentId: number; version: number; sections: string[]; tlp: TlpCode | undefined };
  'document.signal-sheet-exported': { signalId: number; path: string };
  'document.viewed': { documentId: number; version: number };
  /**
   * One disclosure: an output that left (or was shown to others from) the vault, as the sharing
   * regime decided it. The disclosure register (verstrekkingen) is read back from these entries;
   * `items` names every fact that went, with its dossier, and is indexed in `audit_disclosures`.
   */
  'disclosure.recorded': {
    output: DisclosureOutput;
    channel: DisclosureChannel;
    audience: Audience;
    marking: TlpCode;
    dossiers: Array<{ id: number; number: string }>;
    items: Array<{ kind: FactKind; id: number; dossierId: number | null }>;
    withheld: number;
    withheldCounts: Partial<Record<WithholdReason, number>>;
    overridden: FactRef[];
    overrideReason: string | null;
    bases: string[];
    /** The file written, when there is one. */
    path: string | null;
  };
  'dossier.created': { dossierId: number; number: string };
  'dossier.matches-viewed': { dossierId: number };
  'dossier.restored': TrashDetails;
  'dossier.status-changed': { dossierId: number; number: string; from: DossierStatus; to: DossierStatus; closingReason: ClosingReason | null };
  'dossier.timeline-viewed': { dossierId: number };
  'dossier.trashed': TrashDetails;
  'dossier.updated': { dossierId: number; fields: string[] };
  'dossier.viewed': { dossierId: number; number: string };
  'measure.added': { measureId: number; dossierId: number; kind: MeasureKind };
  'measure.restored': TrashDetails;
  'measure.trashed': TrashDetails;
  'measure.updated': { measureId: number; dossierId: number; fields: string[] };
  'meeting.action-added': { meetingId: number; itemId: number; actionId: number; dossierId: number | undefined };
  'meeting.action-done': { actionId: number; itemId: number };
  'meeting.action-reopened': { actionId: number; itemId: number };
  'meeting.created': { meetingId: number; kind: MeetingKind };
  'meeting.exported': { meetingId: number; part: string; path: string };
  'meeting.item-added': { meetingId: number; itemId: number; dossierId: number | null | undefined; signalId: number | null | undefined };
  'meeting.item-removed': { meetingId: number; itemId: number };
  'meeting.item-updated': { meetingId: number; itemId: number; fields: string[] };
  'meeting.outcome-applied': { meetingId: number; itemId: number; dossierId: number; status: DossierStatus | null; noteId: number | null };
  'meeting.updated': { meetingId: number; fields: string[] };
  'meeting.viewed': { meetingId: number };
  'legal-basis.saved': { code: string; label: string; criminalLaw: boolean; retired: boolean; added: boolean };
  'note.added': { noteId: number; dossierId: number };
  'organisation.saved': { code: string; name: string; category: OrganisationCategory; retired: boolean; added: boolean };
  'note.list-viewed': { dossierId: number };
  'note.restored': TrashDetails;
  'note.trashed': TrashDetails;
  /** `viaBundle`: the bundle an imported phenomenon came with. */
  'phenomenon.added': { phenomenonId: number; code: string; viaBundle?: string };
  'register.exported': { format: string };
  'register.updated': { fields: string[] };
  'report.exported': { from: string; to: string; format: 'csv' | 'pdf' };
  'retention.defaults-updated': Partial<RetentionDefaults>;
  'retention.destroyed': {
    kind: RetentionKind;
    id: number;
    number: string | null;
    retentionUntil: string | null;
    overdue: boolean;
    reason: string;
    inTrash: boolean;
    removed: Record<string, number>;
  };
  'retention.extended': RetentionChange;
  'retention.shortened': RetentionChange;
  'search.performed': { hits: number };
  'settings.updated': Partial<VaultSettings>;
  'signal.attached': { signalId: number; dossierId: number; number: string };
  'signal.created': { signalId: number };
  'signal.restored': TrashDetails;
  'signal.trashed': TrashDetails;
  'signal.updated': { signalId: number; fields: string[] };
  'signal.viewed': { signalId: number };
  'subject.created': { subjectId: SubjectRef; type: SubjectType };
  'subject.linked': { linkId: number; fromSubjectId: SubjectRef; toSubjectId: SubjectRef; kind: SubjectLinkKind };
  'subject.linked-to-dossier': { linkId: number; subjectId: SubjectRef; dossierId: number; role: SubjectRole };
  'subject.matches-viewed': { subjectId: SubjectRef };
  /** Counts of what moved from the merged subject to the kept one, and the names of the fields it filled. */
  'subject.merged': {
    keptSubjectId: SubjectRef;
    mergedSubjectId: SubjectRef;
    movedDossierLinks: number;
    movedSubjectLinks: number;
    droppedSelfLinks: number;
    filledFields: string[];
  };
  'subject.restored': { id: SubjectRef };
  'subject.trashed': { id: SubjectRef };
  'subject.unlinked': { linkId: number; fromSubjectId: SubjectRef; toSubjectId: SubjectRef };
  'subject.unlinked-from-dossier': { linkId: number; subjectId: SubjectRef; dossierId: number };
  'subject.updated': { subjectId: SubjectRef; fields: string[] };
  'subject.viewed': { subjectId: SubjectRef };
  /** The ids destroyed, per kind. */
  'trash.emptied': { destroyed: Record<TrashKind, number[]> };
  'vault.backup': { path: string; bytes: number };
  'vault.checked': NoDetails;
  'vault.created': NoDetails;
  'vault.integrity-problem': NoDetails;
  'vault.key-rotated': NoDetails;
  'vault.locked': NoDetails;
  'vault.passphrase-changed': NoDetails;
  /** A wrong passphrase inside a session: what it was asked for, and the count of wrong tries in a row it made. */
  'vault.passphrase-refused': { purpose: PassphrasePurpose; failedAttempts: number };
  'vault.recovery-key-renewed': NoDetails;
  'vault.recovery-key-shown': NoDetails;
  'vault.restored': { from: string };
  'vault.unlocked': { method: 'passphrase' | 'recovery' };
}

/** A retention date changed (`to` null: a signal in a dossier goes back to its dossier's period). */
interface RetentionChange {
  kind: RetentionKind;
  id: number;
  number: string | null;
  from: string | null;
  to: string | null;
  reason: string;
}

// Every action has a shape and no shape lacks an action: a compile error either way.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const specCoversEveryAction: Exactly<keyof AuditDetailSpec, AuditAction> = true;
void specCoversEveryAction;

/** A subject reference is written as the number it is. */
type Written<T> = T extends unknown ? { [K in keyof T]: T[K] extends SubjectRef ? number : T[K] } : never;

/** The details the core writes for action `A`. */
export type AuditDetails = { [A in AuditAction]: Written<AuditDetailSpec[A]> };

/** The detail keys of action `A` that name a subject. */
export type SubjectKeys<A extends AuditAction> = {
  [K in keyof AuditDetailSpec[A]]-?: [AuditDetailSpec[A][K]] extends [never] ? never : AuditDetailSpec[A][K] extends SubjectRef ? K : never;
}[keyof AuditDetailSpec[A]];

type ActionsNamingSubjects = { [A in AuditAction]: [SubjectKeys<A>] extends [never] ? never : A }[AuditAction];

/**
 * The same keys at run time, for the core that fills `audit_subjects`. Typed against the shapes
 * above: an action that gains a subject reference, or a key left out here, does not compile.
 */
export const AUDIT_SUBJECT_KEYS: { readonly [A in ActionsNamingSubjects]: { readonly [K in SubjectKeys<A>]: true } } = {
  'subject.created': { subjectId: true },
  'subject.linked': { fromSubjectId: true, toSubjectId: true },
  'subject.linked-to-dossier': { subjectId: true },
  'subject.matches-viewed': { subjectId: true },
  'subject.merged': { keptSubjectId: true, mergedSubjectId: true },
  'subject.restored': { id: true },
  'subject.trashed': { id: true },
  'subject.unlinked': { fromSubjectId: true, toSubjectId: true },
  'subject.unlinked-from-dossier': { subjectId: true },
  'subject.updated': { subjectId: true },
  'subject.viewed': { subjectId: true },
};

/** The subjects an entry names, by its typed subject-reference keys (each id once). */
export function subjectIdsOf<A extends AuditAction>(action: A, details: AuditDetails[A]): number[] {
  const keys: Readonly<Record<string, true>> | undefined = (AUDIT_SUBJECT_KEYS as Partial<Record<AuditAction, Readonly<Record<string, true>>>>)[action];
  if (!keys) return [];
  const values = Object.keys(keys).map((key) => (details as Readonly<Record<string, unknown>>)[key]);
  return [...new Set(values.filter((value): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0))];
}

/** The facts a `disclosure.recorded` entry names, for the audit_disclosures index; none for any other action. */
export function disclosedItemsOf<A extends AuditAction>(action: A, details: AuditDetails[A]): AuditDetails['disclosure.recorded']['items'] {
  if (action !== 'disclosure.recorded') return [];
  return (details as AuditDetails['disclosure.recorded']).items;
}
