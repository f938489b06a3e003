import crypto from 'node:crypto';

/**
 * The recovery key: 32 random bytes plus a 2-byte checksum, written in Crockford base32 in groups
 * of five, so that a typo on paper is caught before it counts as a failed attempt.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const SECRET_BYTES = 32;
const CHECKSUM_BYTES = 2;
const GROUP = 5;

function checksum(secret: Buffer): Buffer {
  return crypto.createHash('sha256').update('dossierkluis-recovery').update(secret).digest().subarray(0, CHECKSUM_BYTES);
}

function toBase32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let output = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      output += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) output += ALPHABET[(value << (5 - bits)) & 31];
  return output;
}

function fromBase32(text: string): Buffer | null {
  let bits = 0;
  let value = 0;
  const output: number[] = [];
  for (const char of text) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      output.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // Padding bits must be zero, or two spellings would mean the same key.
  if ((value & ((1 << bits) - 1)) !== 0) return null;
  return Buffer.from(output);
}

export function generateRecoverySecret(): Buffer {
  return crypto.randomBytes(SECRET_BYTES);
}

export function formatRecoveryKey(secret: Buffer): string {
  const encoded = toBase32(Buffer.concat([secret, checksum(secret)]));
  return encoded.match(new RegExp(`.{1,${GROUP}}`, 'g'))!.join('-');
}

/** Returns the secret, or null when the text is not a well-formed recovery key. */
export function parseRecoveryKey(text: string): Buffer | null {
  // Crockford: I and L read as 1, O as 0; spaces and dashes are layout only.
  const normalised = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const bytes = fromBase32(normalised);
  if (!bytes || bytes.length !== SECRET_BYTES + CHECKSUM_BYTES) return null;
  const secret = bytes.subarray(0, SECRET_BYTES);
  if (!crypto.timingSafeEqual(checksum(secret), bytes.subarray(SECRET_BYTES))) return null;
  return Buffer.from(secret);
}
