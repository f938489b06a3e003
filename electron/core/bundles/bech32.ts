import { bech32 } from '@scure/base';

/**
 * Bech32 (BIP 173), the encoding of age keys: `age1...` recipients and `AGE-SECRET-KEY-1...`
 * identities, through @scure/base because its codec is synchronous: the vault's identity is made
 * inside a migration, which cannot wait, and age-encryption's own helpers are asynchronous.
 * Checked against age-encryption and age-keygen in test/unit/bundle-identity.test.ts.
 */

/**
 * BIP 173 caps a string at 90 characters, which an X25519 identity (74) and recipient (62) fit,
 * but age's longer keys (post-quantum recipients, plugin identities) do not, and age itself sets
 * no cap; the library's default would refuse them, so the cap is the one this code always had.
 */
const MAX_LENGTH = 1023;

/** Encode bytes under a prefix, lower case (`age`); the caller upper-cases identities as age does. */
export function bech32Encode(prefix: string, bytes: Uint8Array): string {
  return bech32.encode(prefix.toLowerCase(), bech32.toWords(bytes), MAX_LENGTH);
}

/** Decode a bech32 string (all lower or all upper case); null when it is not valid bech32. */
export function bech32Decode(text: string): { prefix: string; bytes: Buffer } | null {
  const decoded = bech32.decodeUnsafe(text, MAX_LENGTH);
  if (!decoded) return null;
  const bytes = bech32.fromWordsUnsafe(decoded.words);
  return bytes ? { prefix: decoded.prefix, bytes: Buffer.from(bytes) } : null;
}
