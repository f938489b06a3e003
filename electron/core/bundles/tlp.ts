import type { BundleAudience, ExportRecipient } from '../../../shared/api/bundles';
import { TLP_CODES, type TlpCode } from '../../../shared/domain/enums';
import type { DossierDocument, SubjectsDocument } from './format';

/**
 * The handling-code rule for bundles (docs/bundle-format.md, "Handling codes"). TLP 2.0 names an
 * audience; a bundle has one too, decided by how it is encrypted:
 *
 * - `verified-partners`: every recipient is in the address book and its fingerprint was compared
 *   with the partner. Each is a known organisation.
 * - `named-keys`: encrypted to keys, but at least one is a bare age recipient or a partner whose
 *   fingerprint was never compared: we know a key, not for certain whose.
 * - `passphrase`: whoever has the passphrase; nobody in particular.
 *
 * | code         | verified-partners | named-keys | passphrase |
 * |--------------|-------------------|------------|------------|
 * | CLEAR, GREEN | yes               | yes        | yes        |
 * | AMBER        | yes               | yes        | no         |
 * | AMBER+STRICT | yes               | no         | no         |
 * | RED          | no                | no         | no         |
 *
 * RED is for named individuals only and never leaves the vault in a bundle without an override;
 * AMBER+STRICT goes only to organisations whose key was verified. An item that is not allowed
 * stops the export unless the user overrides it with a reason, which the audit trail keeps.
 */
const ALLOWED: Readonly<Record<TlpCode, readonly BundleAudience[]>> = {
  CLEAR: ['verified-partners', 'named-keys', 'passphrase'],
  GREEN: ['verified-partners', 'named-keys', 'passphrase'],
  AMBER: ['verified-partners', 'named-keys'],
  'AMBER+STRICT': ['verified-partners'],
  RED: [],
};

export function audienceOf(recipients: readonly ExportRecipient[], passphrase: boolean): BundleAudience {
  if (passphrase) return 'passphrase';
  return recipients.every((recipient) => recipient.partnerId !== null && recipient.verified) ? 'verified-partners' : 'named-keys';
}

export function tlpAllows(tlp: TlpCode, audience: BundleAudience): boolean {
  return ALLOWED[tlp].includes(audience);
}

/** The most restrictive of the codes (RED before AMBER+STRICT before ... CLEAR); CLEAR for none. */
export function mostRestrictive(codes: Iterable<TlpCode>): TlpCode {
  let index = TLP_CODES.length - 1;
  for (const code of codes) index = Math.min(index, TLP_CODES.indexOf(code));
  return TLP_CODES[index]!;
}

/** Whether `code` allows more than `other`: GREEN is less restrictive than AMBER. */
export function lessRestrictive(code: TlpCode, other: TlpCode): boolean {
  return TLP_CODES.indexOf(code) > TLP_CODES.indexOf(other);
}

/** Every code a bundle's documents carry: the dossiers and all their items, the subjects and their links. */
function* codesIn({ subjects, dossiers }: { subjects: SubjectsDocument; dossiers: readonly DossierDocument[] }): Generator<TlpCode> {
  for (const item of [...subjects.subjects, ...subjects.links]) yield item.tlp;
  for (const dossier of dossiers) {
    yield dossier.tlp;
    for (const item of [...dossier.signals, ...dossier.subjects, ...dossier.notes, ...dossier.measures, ...dossier.attachments]) yield item.tlp;
  }
}

export interface BundleMarking {
  /** The bundle's marking: that of its most restricted item, as the export computes it. */
  tlp: TlpCode;
  /** What the signed manifest states. */
  declaredTlp: TlpCode;
  /** The manifest states less than the items carry. */
  understated: boolean;
}

/**
 * A received bundle's marking, from its content: the manifest's label is the sender's word (or a
 * broken exporter's), and a bundle of RED items labelled CLEAR must not be shown or recorded as CLEAR.
 */
export function receivedMarking(declaredTlp: TlpCode, documents: { subjects: SubjectsDocument; dossiers: readonly DossierDocument[] }): BundleMarking {
  const tlp = mostRestrictive(codesIn(documents));
  return { tlp, declaredTlp, understated: lessRestrictive(declaredTlp, tlp) };
}
