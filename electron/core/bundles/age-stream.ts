import crypto from 'node:crypto';
import fs from 'node:fs';
import { Decrypter, Encrypter, type Recipient } from 'age-encryption';

/**
 * age v1 files, split in two (https://age-encryption.org/v1):
 *
 * - The header (recipient stanzas wrapping a random file key, and a MAC) is made and checked by
 *   age-encryption, through its public interfaces: a custom `Recipient` that only observes the
 *   file key (it adds no stanza), and `Decrypter.decryptHeader`, "for delegated decryption".
 * - The payload is age's STREAM: a 16-byte nonce, then the plaintext in 64 KiB chunks, each sealed
 *   with ChaCha20-Poly1305 under HKDF-SHA256(file key, nonce, "payload"), the chunk nonce being an
 *   11-byte big-endian counter and a last-chunk flag. It is done here with Node's ChaCha20-Poly1305
 *   (OpenSSL): age-encryption's own STREAM uses a pure-JavaScript cipher that runs at about
 *   86 MB/s on the reference machine, against 1.5 GB/s for OpenSSL (see test/bench/bundles.ts).
 *   And here it is synchronous, chunk by chunk, so memory stays at one chunk.
 *
 * Interoperability is tested both ways against age-encryption and Debian's `age`
 * (test/unit/bundle-age-stream.test.ts, test/integration/bundles-interop.test.ts).
 */

export const CHUNK_SIZE = 64 * 1024;
const TAG_SIZE = 16;
const SEALED_CHUNK = CHUNK_SIZE + TAG_SIZE;
const NONCE_SIZE = 16;

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', fileKey, nonce, 'payload', 32));
}

function chunkNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

function seal(key: Buffer, counter: number, last: boolean, plaintext: Uint8Array): Buffer {
  const cipher = crypto.createCipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_SIZE });
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, counter: number, last: boolean, sealed: Buffer): Buffer {
  const decipher = crypto.createDecipheriv('chacha20-poly1305', key, chunkNonce(counter, last), { authTagLength: TAG_SIZE });
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_SIZE));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_SIZE)), decipher.final()]);
}

// ── Encryption ──────────────────────────────────────────────────────────────────────────────

export interface AgeRecipients {
  recipients?: readonly string[];
  passphrase?: string;
  scryptLogN?: number;
}

/** Where the header ends: after the MAC line ("--- " and base64), the only line that starts with "---". */
export function headerLength(bytes: Uint8Array): number | null {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const mac = text.indexOf('\n--- ');
  if (mac < 0) return null;
  const end = text.indexOf('\n', mac + 1);
  return end < 0 ? null : end + 1;
}

/**
 * A header for these recipients (or this passphrase), with the file key it wraps. age-encryption
 * writes the header; the file key comes from a recipient that only looks (for keys), or from
 * opening the fresh header with the passphrase (scrypt allows no other stanza beside it).
 */
async function makeHeader(target: AgeRecipients): Promise<{ header: Buffer; fileKey: Buffer }> {
  const encrypter = new Encrypter();
  let fileKey: Buffer | null = null;
  if (target.passphrase !== undefined) {
    if (target.scryptLogN !== undefined) encrypter.setScryptWorkFactor(target.scryptLogN);
    encrypter.setPassphrase(target.passphrase);
  } else {
    if (!target.recipients || target.recipients.length === 0) throw new Error('no recipients');
    for (const recipient of target.recipients) encrypter.addRecipient(recipient);
    const observer: Recipient = {
      wrapFileKey(key) {
        fileKey = Buffer.from(key);
        return [];
      },
    };
    encrypter.addRecipient(observer);
  }
  const empty = await encrypter.encrypt(new Uint8Array(0));
  const length = headerLength(empty);
  if (length === null) throw new Error('age-encryption wrote no header');
  const header = Buffer.from(empty.subarray(0, length));
  if (target.passphrase !== undefined) {
    const decrypter = new Decrypter();
    decrypter.addPassphrase(target.passphrase);
    fileKey = Buffer.from(await decrypter.decryptHeader(header));
  }
  return { header, fileKey: fileKey! };
}

/**
 * The start of an age file for these recipients: the header and the payload nonce (`prefix`, the
 * file's first bytes) and the payload key that seals the chunks after it. The file key is wiped.
 */
export async function startAgePayload(target: AgeRecipients): Promise<{ prefix: Buffer; key: Buffer }> {
  const { header, fileKey } = await makeHeader(target);
  // A fresh nonce of our own: the payload key is never the one age-encryption used for its empty payload.
  const nonce = crypto.randomBytes(NONCE_SIZE);
  const key = payloadKey(fileKey, nonce);
  fileKey.fill(0);
  return { prefix: Buffer.concat([header, nonce]), key };
}

/**
 * Encrypts a stream of pieces into age v1. `start()` gives the header and payload nonce; `push`
 * returns the sealed chunks that are complete; `finish` the last one. A full chunk is held back
 * until more data arrives, so that the last chunk (flagged) may be a full one, as age requires.
 */
export class AgeEncryptor {
  private readonly buffer = Buffer.alloc(CHUNK_SIZE);
  private filled = 0;
  private counter = 0;
  private key: Buffer | null;

  /** Without a key, `start` makes one; with the key of `startAgePayload`, only push and finish are needed. */
  constructor(key: Buffer | null = null) {
    this.key = key;
  }

  async start(target: AgeRecipients): Promise<Buffer> {
    const { prefix, key } = await startAgePayload(target);
    this.key = key;
    return prefix;
  }

  push(piece: Uint8Array): Buffer[] {
    const sealed: Buffer[] = [];
    let offset = 0;
    while (offset < piece.length) {
      if (this.filled === CHUNK_SIZE) {
        sealed.push(seal(this.key!, this.counter++, false, this.buffer));
        this.filled = 0;
      }
      const taken = Math.min(CHUNK_SIZE - this.filled, piece.length - offset);
      this.buffer.set(piece.subarray(offset, offset + taken), this.filled);
      this.filled += taken;
      offset += taken;
    }
    return sealed;
  }

  finish(): Buffer {
    const last = seal(this.key!, this.counter++, true, this.buffer.subarray(0, this.filled));
    this.wipe();
    return last;
  }

  /** Forget the key and the plaintext held back (after finish, or when the file is given up). */
  wipe(): void {
    this.buffer.fill(0);
    this.key?.fill(0);
  }
}

// ── Decryption ──────────────────────────────────────────────────────────────────────────────

/** The payload could not be opened: a chunk was changed, the file cut short, or bytes added. */
export class AgePayloadError extends Error {}

function readExactly(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const read = fs.readSync(fd, buffer, filled, length - filled, position + filled);
    if (read === 0) break;
    filled += read;
  }
  return buffer.subarray(0, filled);
}

/**
 * The plaintext of the payload that starts at `position` of the file (its nonce first), chunk by
 * chunk. A chunk is yielded only once authenticated; the end is authenticated by the last-chunk
 * flag, so a file cut at a chunk boundary fails too. `onBytes` reports the file position reached.
 */
export function* decryptPayload(fd: number, position: number, fileKey: Uint8Array, onBytes?: (position: number) => void): Generator<Buffer> {
  const nonce = readExactly(fd, NONCE_SIZE, position);
  if (nonce.length < NONCE_SIZE) throw new AgePayloadError('the payload has no nonce');
  const key = payloadKey(fileKey, nonce);
  let offset = position + NONCE_SIZE;
  let current = readExactly(fd, SEALED_CHUNK, offset);
  offset += current.length;
  try {
    for (let counter = 0; ; counter++) {
      const next = current.length === SEALED_CHUNK ? readExactly(fd, SEALED_CHUNK, offset) : Buffer.alloc(0);
      offset += next.length;
      const last = next.length === 0;
      if (current.length < TAG_SIZE || (last && counter > 0 && current.length === TAG_SIZE)) throw new AgePayloadError('the last chunk is missing or empty');
      let plaintext: Buffer;
      try {
        plaintext = open(key, counter, last, current);
      } catch {
        throw new AgePayloadError(`chunk ${counter} does not authenticate`);
      }
      onBytes?.(offset);
      yield plaintext;
      if (last) return;
      current = next;
    }
  } finally {
    key.fill(0);
  }
}
