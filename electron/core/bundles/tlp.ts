import type { BundleAudience, ExportRecipient } from '../../../shared/api/bundles';
import { TLP_CODES, type TlpCode } from '../../../shared/domain/enums';

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
