import crypto from 'node:crypto';
import type { PartnerCard } from '../../../shared/api/bundles';
import { CoreError } from '../kernel/errors';
import { publicKeyOfRecipient } from './identity';

/**
 * A partner who uses plain age (issue 14, new user 5): only an `age1…` public key, as
 * `age-keygen -y` prints it, no Dossierkluis card. Such a partner can receive bundles; it has no
 * signing key, so a bundle can never be recognised as coming from it.
 *
 * The address book (`bundle_partners`, migration 0007, frozen) requires a 44-character signing key
 * and a 64-hex fingerprint, each unique. A plain key is stored within that schema:
 * - fingerprint: SHA-256("dossierkluis-age-recipient-v1\n" ‖ X25519 key), a label of its own, so
 *   it never equals a card's fingerprint (which also covers a signing key);
 * - signing key: `age-only:` and the first 35 hex digits of that fingerprint. It is no base64 (a
 *   colon), so it can never equal a manifest's signing key, which must be canonical base64.
 */

const PLAIN_FINGERPRINT_LABEL = 'dossierkluis-age-recipient-v1\n';
export const PLAIN_SIGNING_KEY_PREFIX = 'age-only:';

export function isPlainSigningKey(stored: string): boolean {
  return stored.startsWith(PLAIN_SIGNING_KEY_PREFIX);
}

export function plainFingerprintOf(ageRecipient: string): string {
  const key = publicKeyOfRecipient(ageRecipient);
  if (!key) throw new CoreError('INTERNAL', 'fingerprint of a malformed age key');
  return crypto.createHash('sha256').update(PLAIN_FINGERPRINT_LABEL).update(key).digest('hex');
}

/**
 * The bare age key in a file's text: one `age1…` line, with `#` comment lines around it (as
 * age-keygen writes them). Null when the text is something else. A file holding an
 * `AGE-SECRET-KEY-1…` is refused: that is the partner's secret, which must never leave them.
 */
export function plainAgeKeyIn(text: string): string | null {
  if (/AGE-SECRET-KEY-1/i.test(text)) throw new CoreError('PARTNER_CARD_SECRET_KEY', 'the file holds an age secret key');
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  if (lines.length !== 1 || !publicKeyOfRecipient(lines[0]!)) return null;
  return lines[0]!;
}

/** The address-book row of a plain key: a card in form, with the stored stand-ins for the signing key and fingerprint. */
export function plainAgeCard(ageRecipient: string, name: string, organisation: string): PartnerCard {
  const fingerprint = plainFingerprintOf(ageRecipient);
  return {
    format: 'dossierkluis-partner-card',
    version: 1,
    name,
    organisation,
    ageRecipient,
    signingKey: `${PLAIN_SIGNING_KEY_PREFIX}${fingerprint.slice(0, 35)}`,
    fingerprint,
  };
}
