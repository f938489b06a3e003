import crypto from 'node:crypto';
import { z } from 'zod';
import type { BundleIdentity, Fingerprint, PartnerCard } from '../../../shared/api/bundles';
import { CoreError } from '../kernel/errors';
import type { Connection } from '../vault/connection';
import { bech32Decode, bech32Encode } from './bech32';
import { FINGERPRINT_WORDS } from './fingerprint-words';

/**
 * Each vault's identity for bundles: an age X25519 key pair (bundles are encrypted to its
 * recipient) and an Ed25519 signing key (its bundles are signed with it). Both private keys live
 * in `vault_secret`, inside the encryption, as PKCS#8; everything public is derived from them.
 * They are made by migration 0007, which runs for a new vault as much as for an older one and
 * keeps its own copy of how (the names below must stay the ones it writes).
 */

const X25519_SECRET = 'bundle_x25519_key';
const ED25519_SECRET = 'bundle_ed25519_key';
const ORGANISATION_META = 'bundle_organisation';

const FINGERPRINT_LABEL = Buffer.from('dossierkluis-fingerprint-v1\n', 'utf8');

export interface VaultKeys {
  /** AGE-SECRET-KEY-1...: opens bundles sent to this vault. */
  ageIdentity: string;
  ageRecipient: string;
  signingPrivateKey: crypto.KeyObject;
  /** Ed25519 public key, 32 raw bytes. */
  signingPublicKey: Buffer;
  fingerprint: string;
}

function rawOf(key: crypto.KeyObject, part: 'x' | 'd'): Buffer {
  const jwk = key.export({ format: 'jwk' });
  const value = jwk[part];
  if (typeof value !== 'string') throw new Error(`key has no ${part}`);
  return Buffer.from(value, 'base64url');
}

export function ageRecipientOf(x25519PublicKey: Uint8Array): string {
  return bech32Encode('age', x25519PublicKey);
}

/** The 32-byte X25519 public key inside an `age1...` recipient, or null when it is not one. */
export function publicKeyOfRecipient(recipient: string): Buffer | null {
  const decoded = bech32Decode(recipient);
  if (!decoded || decoded.prefix !== 'age' || decoded.bytes.length !== 32 || recipient !== recipient.toLowerCase()) return null;
  return decoded.bytes;
}

export function isAgeRecipient(recipient: string): boolean {
  return publicKeyOfRecipient(recipient) !== null;
}

/** SHA-256 over a label, the signing key and the age key: what two people compare by phone. */
export function fingerprintOf(signingPublicKey: Uint8Array, ageRecipient: string): string {
  const agePublicKey = publicKeyOfRecipient(ageRecipient);
  if (!agePublicKey || signingPublicKey.length !== 32) throw new CoreError('INTERNAL', 'fingerprint of malformed keys');
  return crypto.createHash('sha256').update(FINGERPRINT_LABEL).update(signingPublicKey).update(agePublicKey).digest('hex');
}

/** The first 128 bits of a fingerprint as hex groups and as words (one word per byte). */
export function describeFingerprint(hex: string): Fingerprint {
  const bytes = Buffer.from(hex.slice(0, 32), 'hex');
  const groups = Array.from({ length: 8 }, (_, index) => hex.slice(index * 4, index * 4 + 4));
  return { hex, groups, words: [...bytes].map((byte) => FINGERPRINT_WORDS[byte]!) };
}

export function loadVaultKeys(db: Connection): VaultKeys {
  const secret = db.prepare('SELECT value FROM vault_secret WHERE name = ?').pluck();
  const x25519Der = secret.get(X25519_SECRET) as Buffer | undefined;
  const ed25519Der = secret.get(ED25519_SECRET) as Buffer | undefined;
  if (!x25519Der || !ed25519Der) throw new CoreError('VAULT_CORRUPT', 'the vault has no bundle identity');
  try {
    const x25519 = crypto.createPrivateKey({ key: x25519Der, format: 'der', type: 'pkcs8' });
    const signingPrivateKey = crypto.createPrivateKey({ key: ed25519Der, format: 'der', type: 'pkcs8' });
    const scalar = rawOf(x25519, 'd');
    const ageIdentity = bech32Encode('AGE-SECRET-KEY-', scalar).toUpperCase();
    scalar.fill(0);
    const ageRecipient = ageRecipientOf(rawOf(x25519, 'x'));
    const signingPublicKey = rawOf(crypto.createPublicKey(signingPrivateKey), 'x');
    return { ageIdentity, ageRecipient, signingPrivateKey, signingPublicKey, fingerprint: fingerprintOf(signingPublicKey, ageRecipient) };
  } finally {
    x25519Der.fill(0);
    ed25519Der.fill(0);
  }
}

export function organisationOf(db: Connection): string {
  return (db.prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(ORGANISATION_META) as string | undefined) ?? '';
}

export function setOrganisation(db: Connection, organisation: string): void {
  db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ORGANISATION_META, organisation);
}

export function cardOf(keys: Pick<VaultKeys, 'ageRecipient' | 'signingPublicKey' | 'fingerprint'>, name: string, organisation: string): PartnerCard {
  return {
    format: 'dossierkluis-partner-card',
    version: 1,
    name,
    organisation,
    ageRecipient: keys.ageRecipient,
    signingKey: keys.signingPublicKey.toString('base64'),
    fingerprint: keys.fingerprint,
  };
}

export function vaultIdentity(db: Connection, name: string): BundleIdentity {
  const keys = loadVaultKeys(db);
  const organisation = organisationOf(db);
  const card = cardOf(keys, name, organisation);
  return {
    name,
    organisation,
    ageRecipient: keys.ageRecipient,
    signingKey: card.signingKey,
    fingerprint: describeFingerprint(keys.fingerprint),
    card,
  };
}

// ── Partner cards ───────────────────────────────────────────────────────────────────────────

const base64Key = z.string().refine((value) => {
  const decoded = Buffer.from(value, 'base64');
  return decoded.length === 32 && decoded.toString('base64') === value;
}, 'expected 32 bytes in base64');

/** A card as it travels: the fingerprint must be the one its keys give (checked by parsePartnerCard). */
export const partnerCardSchema = z
  .object({
    format: z.literal('dossierkluis-partner-card'),
    version: z.literal(1),
    name: z.string().trim().min(1).max(200),
    organisation: z.string().trim().max(200),
    ageRecipient: z.string().refine(isAgeRecipient, 'not an age X25519 recipient'),
    signingKey: base64Key,
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

export function cardFingerprintMatches(card: PartnerCard): boolean {
  return fingerprintOf(Buffer.from(card.signingKey, 'base64'), card.ageRecipient) === card.fingerprint;
}

/** A partner card from untrusted JSON text: PARTNER_CARD_INVALID unless it is well formed and self-consistent. */
export function parsePartnerCard(text: string): PartnerCard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new CoreError('PARTNER_CARD_INVALID', 'partner card is not JSON');
  }
  const parsed = partnerCardSchema.safeParse(json);
  if (!parsed.success) throw new CoreError('PARTNER_CARD_INVALID', `partner card: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (!cardFingerprintMatches(parsed.data)) throw new CoreError('PARTNER_CARD_INVALID', 'partner card fingerprint does not match its keys');
  return parsed.data;
}

/** Ed25519 over exactly these bytes. */
export function signBytes(keys: Pick<VaultKeys, 'signingPrivateKey'>, data: Uint8Array): Buffer {
  return crypto.sign(null, data, keys.signingPrivateKey);
}

export function verifySignature(signingPublicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  if (signingPublicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(signingPublicKey).toString('base64url') }, format: 'jwk' });
    return crypto.verify(null, data, key, signature);
  } catch {
    return false;
  }
}
