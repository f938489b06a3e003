/**
 * Bech32 (BIP 173), the encoding of age keys: `age1...` recipients and `AGE-SECRET-KEY-1...`
 * identities. Written out here because the vault's identity is made inside a migration, which is
 * synchronous, and age-encryption's own helpers are asynchronous. Checked against age-encryption
 * and age-keygen in test/unit/bundle-identity.test.ts.
 */

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: readonly number[]): number {
  let checksum = 1;
  for (const value of values) {
    const top = checksum >>> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (let bit = 0; bit < 5; bit++) if ((top >>> bit) & 1) checksum ^= GENERATOR[bit]!;
  }
  return checksum;
}

function expandPrefix(prefix: string): number[] {
  const codes = [...prefix].map((character) => character.charCodeAt(0));
  return [...codes.map((code) => code >>> 5), 0, ...codes.map((code) => code & 31)];
}

function convertBits(data: Iterable<number>, from: number, to: number, pad: boolean): number[] | null {
  let accumulator = 0;
  let bits = 0;
  const result: number[] = [];
  const maximum = (1 << to) - 1;
  for (const value of data) {
    if (value < 0 || value >>> from !== 0) return null;
    accumulator = (accumulator << from) | value;
    bits += from;
    while (bits >= to) {
      bits -= to;
      result.push((accumulator >>> bits) & maximum);
    }
  }
  if (pad) {
    if (bits > 0) result.push((accumulator << (to - bits)) & maximum);
  } else if (bits >= from || ((accumulator << (to - bits)) & maximum) !== 0) {
    return null;
  }
  return result;
}

/** Encode bytes under a prefix, lower case (`age`); the caller upper-cases identities as age does. */
export function bech32Encode(prefix: string, bytes: Uint8Array): string {
  const lowerPrefix = prefix.toLowerCase();
  const words = convertBits(bytes, 8, 5, true)!;
  const checksum = polymod([...expandPrefix(lowerPrefix), ...words, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksumWords = Array.from({ length: 6 }, (_, index) => (checksum >>> (5 * (5 - index))) & 31);
  return `${lowerPrefix}1${[...words, ...checksumWords].map((word) => CHARSET[word]).join('')}`;
}

/** Decode a bech32 string (all lower or all upper case); null when it is not valid bech32. */
export function bech32Decode(text: string): { prefix: string; bytes: Buffer } | null {
  if (text.length < 8 || text.length > 1023) return null;
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) return null;
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return null;
  const prefix = lower.slice(0, separator);
  if ([...prefix].some((character) => character.charCodeAt(0) < 33 || character.charCodeAt(0) > 126)) return null;
  const words: number[] = [];
  for (const character of lower.slice(separator + 1)) {
    const word = CHARSET.indexOf(character);
    if (word < 0) return null;
    words.push(word);
  }
  if (polymod([...expandPrefix(prefix), ...words]) !== 1) return null;
  const bytes = convertBits(words.slice(0, -6), 5, 8, false);
  return bytes ? { prefix, bytes: Buffer.from(bytes) } : null;
}
