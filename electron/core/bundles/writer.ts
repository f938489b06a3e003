import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Encrypter } from 'age-encryption';
import tar from 'tar-stream';
import { commitTemporaryFile, temporarySiblingPath } from '../fs/atomic-write';
import { LIMITS } from './format';
import { readableFromIterator, writeAll, writeWithBackpressure } from './streams';

/**
 * The bundle file: a tar archive, streamed through age, into a temporary sibling of the target
 * that is fsynced and renamed into place only when complete.
 *
 *   entries (one piece at a time) → tar-stream pack → age STREAM (64 KiB chunks) → file
 *
 * age-encryption 0.3.1 encrypts a WHATWG ReadableStream chunk by chunk (its STREAM construction
 * holds one 64 KiB plaintext chunk), so nothing here holds more than a few pieces: a bundle with
 * gigabytes of attachments needs the same memory as one with a few kilobytes.
 */

export interface TarEntrySource {
  path: string;
  size: number;
  /** The content, in pieces; the sum of their lengths must be `size`. */
  chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export interface AgeTarget {
  recipients?: readonly string[];
  passphrase?: string;
  /** log2 of scrypt's N for a passphrase; age's default is 18. */
  scryptLogN?: number;
}

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

export function encrypterFor(target: AgeTarget): Encrypter {
  const encrypter = new Encrypter();
  if (target.passphrase !== undefined) {
    encrypter.setScryptWorkFactor(target.scryptLogN ?? LIMITS.scryptLogN);
    encrypter.setPassphrase(target.passphrase);
  } else {
    for (const recipient of target.recipients ?? []) encrypter.addRecipient(recipient);
  }
  return encrypter;
}

async function packEntries(pack: tar.Pack, entries: readonly TarEntrySource[], mtime: Date, onContentBytes?: (bytes: number) => void): Promise<void> {
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const sink = pack.entry({ name: entry.path, size: entry.size, mode: 0o600, mtime, type: 'file', uid: 0, gid: 0 }, (error) =>
        error ? reject(error) : resolve(),
      );
      void (async () => {
        let written = 0;
        for await (const chunk of entry.chunks()) {
          written += chunk.length;
          if (written > entry.size) throw new Error(`${entry.path}: more bytes than announced`);
          await writeWithBackpressure(sink, chunk);
          onContentBytes?.(chunk.length);
        }
        if (written !== entry.size) throw new Error(`${entry.path}: ${written} bytes instead of ${entry.size}`);
        sink.end(undefined);
      })().catch((error: unknown) => {
        sink.destroy(error as Error);
        reject(error);
      });
    });
  }
  pack.finalize();
}

/** The tar archive of `entries`, encrypted with age, as a stream of ciphertext pieces. */
export async function encryptedTarStream(
  entries: readonly TarEntrySource[],
  target: AgeTarget,
  mtime: Date,
  onContentBytes?: (bytes: number) => void,
): Promise<{ ciphertext: ReadableStream<Uint8Array>; done: Promise<void> }> {
  const pack = tar.pack();
  const done = packEntries(pack, entries, mtime, onContentBytes).catch((error: unknown) => {
    pack.destroy(error as Error);
    throw error;
  });
  // Observed through `done` by the caller; this keeps an early failure from being "unhandled".
  done.catch(() => undefined);
  const plaintext = readableFromIterator(pack[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>, (reason) => pack.destroy(reason as Error));
  const ciphertext = await encrypterFor(target).encrypt(plaintext);
  return { ciphertext, done };
}

/**
 * Write the encrypted archive to `targetPath` through a temporary sibling (owner-only, created
 * exclusively). Any failure removes the temporary file: the target is the whole bundle or
 * untouched. The caller decides beforehand whether an existing target may be replaced.
 */
export async function writeEncryptedTarFile(
  targetPath: string,
  entries: readonly TarEntrySource[],
  target: AgeTarget,
  mtime: Date,
  onContentBytes?: (bytes: number) => void,
): Promise<WrittenFile> {
  const finalPath = path.resolve(targetPath);
  const temporaryPath = temporarySiblingPath(finalPath);
  fs.mkdirSync(path.dirname(finalPath), { recursive: true, mode: 0o700 });
  let fd: number | undefined = fs.openSync(temporaryPath, 'wx', 0o600);
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    const { ciphertext, done } = await encryptedTarStream(entries, target, mtime, onContentBytes);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    reader = ciphertext.getReader();
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        // The pack failed first (a damaged attachment, a full disk): report that, not the echo.
        await done;
        throw error;
      }
      if (next.done) break;
      writeAll(fd, next.value);
      hash.update(next.value);
      bytes += next.value.length;
    }
    await done;
    fs.closeSync(fd);
    fd = undefined;
    commitTemporaryFile(temporaryPath, finalPath);
    return { path: finalPath, bytes, sha256: hash.digest('hex') };
  } catch (error) {
    // Stop the producer too (a write failed: it would wait for room forever).
    reader?.cancel(error).catch(() => undefined);
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
}
