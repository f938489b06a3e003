import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { afterAll, describe, expect, it } from 'vitest';
import { AgeEncryptor, AgePayloadError, CHUNK_SIZE, decryptPayload, headerLength } from '../../electron/core/bundles/age-stream';

/**
 * The STREAM payload written and read with Node's ChaCha20-Poly1305 must be age: files it writes
 * open with age-encryption, files age-encryption writes open with it, at every size around the
 * 64 KiB chunk boundary, for keys and for passphrases. (Debian's `age` is in the interop test.)
 */

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-age-stream-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const SIZES = [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 12_345];

async function encryptWithOurs(plaintext: Buffer, target: { recipients?: string[]; passphrase?: string }): Promise<Buffer> {
  const encryptor = new AgeEncryptor();
  const parts = [await encryptor.start({ ...target, scryptLogN: target.passphrase ? 10 : undefined })];
  // Uneven pieces, as tar-stream hands them over.
  for (let offset = 0; offset < plaintext.length; offset += 10_007) parts.push(...encryptor.push(plaintext.subarray(offset, offset + 10_007)));
  parts.push(encryptor.finish());
  return Buffer.concat(parts);
}

async function decryptWithOurs(ciphertext: Buffer, key: { identity?: string; passphrase?: string }): Promise<Buffer> {
  const file = path.join(folder, `${crypto.randomUUID()}.age`);
  fs.writeFileSync(file, ciphertext);
  const decrypter = new Decrypter();
  if (key.identity) decrypter.addIdentity(key.identity);
  if (key.passphrase) decrypter.addPassphrase(key.passphrase);
  const length = headerLength(ciphertext)!;
  const fileKey = await decrypter.decryptHeader(ciphertext.subarray(0, length));
  const fd = fs.openSync(file, 'r');
  try {
    return Buffer.concat([...decryptPayload(fd, length, fileKey)]);
  } finally {
    fs.closeSync(fd);
  }
}

describe('age STREAM with Node crypto', async () => {
  const identity = await generateX25519Identity();
  const recipient = await identityToRecipient(identity);

  it.each(SIZES)('%i bytes: ours → age-encryption and age-encryption → ours, to a key', async (size) => {
    const plaintext = crypto.randomBytes(size);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(Buffer.from(await decrypter.decrypt(await encryptWithOurs(plaintext, { recipients: [recipient] })))).toEqual(plaintext);
    const encrypter = new Encrypter();
    encrypter.addRecipient(recipient);
    expect(await decryptWithOurs(Buffer.from(await encrypter.encrypt(plaintext)), { identity })).toEqual(plaintext);
  });

  it('with a passphrase, both ways, and to several recipients', async () => {
    const plaintext = crypto.randomBytes(CHUNK_SIZE + 5);
    const passphrase = 'een lang bundelwachtwoord';
    const decrypter = new Decrypter();
    decrypter.addPassphrase(passphrase);
    expect(Buffer.from(await decrypter.decrypt(await encryptWithOurs(plaintext, { passphrase })))).toEqual(plaintext);
    const encrypter = new Encrypter();
    encrypter.setScryptWorkFactor(10);
    encrypter.setPassphrase(passphrase);
    expect(await decryptWithOurs(Buffer.from(await encrypter.encrypt(plaintext)), { passphrase })).toEqual(plaintext);

    const other = await generateX25519Identity();
    const both = await encryptWithOurs(plaintext, { recipients: [recipient, await identityToRecipient(other)] });
    expect(await decryptWithOurs(both, { identity: other })).toEqual(plaintext);
    expect(both.toString('latin1').match(/-> X25519 /g)).toHaveLength(2);
  });

  it('refuses a changed chunk, a cut at a chunk boundary, bytes added, and an empty last chunk', async () => {
    const plaintext = crypto.randomBytes(2 * CHUNK_SIZE + 100);
    const good = await encryptWithOurs(plaintext, { recipients: [recipient] });
    const start = headerLength(good)! + 16;
    const sealed = CHUNK_SIZE + 16;
    const flipped = Buffer.from(good);
    flipped[start + sealed + 7]! ^= 1;
    const damaged = [
      flipped,
      good.subarray(0, start + sealed),
      good.subarray(0, start + 2 * sealed),
      Buffer.concat([good, Buffer.from([0])]),
      Buffer.concat([good.subarray(0, start + sealed), good.subarray(start + 2 * sealed)]),
    ];
    for (const ciphertext of damaged) await expect(decryptWithOurs(ciphertext, { identity })).rejects.toBeInstanceOf(AgePayloadError);
    // A full last chunk followed by an (authentic-looking) empty one is not age either.
    const exact = await encryptWithOurs(crypto.randomBytes(CHUNK_SIZE), { recipients: [recipient] });
    await expect(decryptWithOurs(Buffer.concat([exact, crypto.randomBytes(16)]), { identity })).rejects.toBeInstanceOf(AgePayloadError);
  });

  it('never uses the same payload key twice', async () => {
    const a = await encryptWithOurs(Buffer.from('x'), { recipients: [recipient] });
    const b = await encryptWithOurs(Buffer.from('x'), { recipients: [recipient] });
    expect(a.subarray(headerLength(a)!, headerLength(a)! + 16)).not.toEqual(b.subarray(headerLength(b)!, headerLength(b)! + 16));
  });
});
