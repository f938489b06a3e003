import type { BundleInspection, PartnerCard } from '../../../../shared/api/bundles';
import type { CoreContext } from '../../kernel/context';
import { CoreError } from '../../kernel/errors';
import type { Connection } from '../../vault/connection';
import { addPartner, conflictingPartner, partnerBySigningKey } from '../address-book';
import { describeFingerprint, type VaultKeys } from '../identity';
import type { VerifiedManifest } from '../reader';

/** The sender of a bundle: who signed it, whether this vault knows them, and the import's own record. */

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

export function senderOf(db: Connection, keys: VaultKeys, verified: VerifiedManifest): BundleInspection['sender'] {
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

/**
 * An unknown or mismatching sender stops the import unless `acceptSender` repeats its fingerprint.
 * Reads only: the import asks at its manifest, before the payload, and writes the card at its end.
 */
export function refuseUnacceptedSender(db: Connection, keys: VaultKeys, verified: VerifiedManifest, acceptedFingerprint: string | undefined): BundleInspection['sender'] {
  const sender = senderOf(db, keys, verified);
  if (sender.status !== 'known' && acceptedFingerprint !== sender.fingerprint.hex) {
    const code = sender.status === 'mismatch' ? 'BUNDLE_SENDER_MISMATCH' : 'BUNDLE_SENDER_UNKNOWN';
    throw new CoreError(code, `sender ${sender.fingerprint.hex} is ${sender.status}`, {
      name: sender.name,
      organisation: sender.organisation,
      fingerprint: sender.fingerprint.hex,
    });
  }
  return sender;
}

/** The sender, accepted (refuseUnacceptedSender); returns whether its card was added to the address book. */
export function acceptSender(context: CoreContext, keys: VaultKeys, verified: VerifiedManifest, acceptedFingerprint: string | undefined): boolean {
  const sender = refuseUnacceptedSender(context.db, keys, verified, acceptedFingerprint);
  if (sender.status === 'known') return false;
  // Accepted: the user compared the fingerprint with the sender (that is what accepting says, in
  // the app's checkbox and in the CLI's typed-back fingerprint), so the card goes in as verified.
  // A card whose age key another entry already has stays out; the import goes ahead.
  const taken = context.db
    .prepare('SELECT 1 FROM bundle_partners WHERE fingerprint = ? OR age_recipient = ? OR signing_key = ?')
    .get(sender.card.fingerprint, sender.card.ageRecipient, sender.card.signingKey);
  if (taken) return false;
  addPartner(context, sender.card, true);
  return true;
}

/** The import's own row (bundle, sender, dates), which the provenance of every item it writes points to. */
export function recordImport(context: CoreContext, verified: VerifiedManifest, importedAt: string): number {
  const { manifest } = verified;
  return Number(
    context.db
      .prepare(
        `INSERT INTO bundle_imports (bundle_id, manifest_sha256, sender_name, sender_organisation, sender_fingerprint, bundle_created_at, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        manifest.bundleId,
        verified.manifestSha256,
        manifest.sender.name,
        manifest.sender.organisation,
        manifest.sender.fingerprint,
        manifest.createdAt,
        importedAt,
        context.actor,
      ).lastInsertRowid,
  );
}
