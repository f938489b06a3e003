import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { CoreError } from '../errors';
import { commitTemporaryFile, temporarySiblingPath } from '../fs/atomic-write';
import { AgeEncryptor, type AgeRecipients } from './age-stream';
import { LIMITS } from './format';
import { QueuedFileWriter, writeWithBackpressure, yieldToEventLoop } from './streams';

/** How much the writer streams between two turns of the event loop (a few ms of work). */
const YIELD_EVERY_BYTES = 1024 * 1024;

/**
 * The bundle file: a tar archive, streamed through age, into a temporary sibling of the target
 * that is fsynced and renamed into place only when complete.
 *
 *   entries (one piece at a time) → tar-stream pack → age STREAM (64 KiB chunks) → file
 *
 * The file is written on libuv's thread pool (QueuedFileWriter, at most 8 MiB queued), so the disk
 * works while this thread reads and encrypts the next pieces; after every MiB the event loop gets a turn
 * (and with it, calls that may run beside an export: see STREAMING_JOBS in api/core.ts).
 *
 * Nothing here holds more than a few pieces: a bundle with gigabytes of attachments needs the
 * same memory as one with a few kilobytes (age-stream.ts holds one 64 KiB chunk; tar-stream's
 * pack waits for its reader before it takes more).
 */

export interface TarEntrySource {
  path: string;
  size: number;
  /** The content, in pieces; the sum of their lengths must be `size`. */
  chunks(): AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
}

export type AgeTarget = AgeRecipients;

export interface WrittenFile {
  path: string;
  bytes: number;
  sha256: string;
}

async function packEntries(pack: tar.Pack, entries: readonly TarEntrySource[], mtime: Date, onContentBytes?: (bytes: number) => void): Promise<void> {
  for (const entry of entries) {
    await new Promise<void>((resolve, reject) => {
      const sink = pack.entry({ name: entry.path, size: entry.size, mode: 0o600, mtime, type: 'file', uid: 0, gid: 0 }, (error) =>
        error ? reject(error) : resolve(),
      );
      // Failures reach the caller through `reject`; an 'error' event without a listener would crash the process.
      sink.on('error', () => undefined);
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

/**
 * Write the encrypted archive to `targetPath` through a temporary sibling (owner-only, created
 * exclusively). Any failure removes the temporary file: the target is the whole bundle or
 * untouched. An existing target is replaced only with `overwrite`.
 */
export async function writeEncryptedTarFile(
  targetPath: string,
  entries: readonly TarEntrySource[],
  target: AgeTarget,
  mtime: Date,
  onContentBytes?: (bytes: number) => void,
  { overwrite = false }: { overwrite?: boolean } = {},
): Promise<WrittenFile> {
  const finalPath = path.resolve(targetPath);
  const temporaryPath = temporarySiblingPath(finalPath);
  fs.mkdirSync(path.dirname(finalPath), { recursive: true, mode: 0o700 });
  let fd: number | undefined = fs.openSync(temporaryPath, 'wx', 0o600);
  const pack = tar.pack();
  pack.on('error', () => undefined);
  const file = new QueuedFileWriter(fd);
  try {
    const encryptor = new AgeEncryptor();
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    let sinceYield = 0;
    const write = async (data: Buffer[]) => {
      for (const piece of data) {
        hash.update(piece);
        bytes += piece.length;
        sinceYield += piece.length;
      }
      await file.write(data);
      // The core's thread answers nothing else while it streams; let its event loop turn now and then.
      if (sinceYield >= YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await yieldToEventLoop();
      }
    };
    await write([await encryptor.start({ ...target, scryptLogN: target.passphrase !== undefined ? (target.scryptLogN ?? LIMITS.scryptLogN) : undefined })]);
    const packing = packEntries(pack, entries, mtime, onContentBytes).catch((error: unknown) => {
      pack.destroy(error as Error);
      throw error;
    });
    // Observed below; this keeps an early failure from being "unhandled" meanwhile.
    packing.catch(() => undefined);
    try {
      for await (const piece of pack) {
        const sealed = encryptor.push(piece as Uint8Array);
        if (sealed.length > 0) await write(sealed);
      }
    } catch (error) {
      // The pack failed first (a damaged attachment): report that, not the echo.
      await packing;
      throw error;
    }
    await packing;
    await write([encryptor.finish()]);
    await file.flush();
    // The data to disk on the thread pool (a gigabyte can take a second): the fsync in
    // commitTemporaryFile below then finds nothing left to write and does not stall this thread.
    await new Promise<void>((resolve, reject) => fs.fdatasync(fd!, (error) => (error ? reject(error) : resolve())));
    fs.closeSync(fd);
    fd = undefined;
    // Checked again: a file may have appeared at the target while the bundle was written.
    if (!overwrite && fs.existsSync(finalPath)) throw new CoreError('FILE_EXISTS', `${finalPath} appeared while the bundle was written`);
    commitTemporaryFile(temporaryPath, finalPath);
    return { path: finalPath, bytes, sha256: hash.digest('hex') };
  } catch (error) {
    // Stop the producer too (a write failed: it would wait for room forever).
    pack.destroy(error as Error);
    // No queued write may land after the file is closed (or its number reused).
    await file.flush().catch(() => undefined);
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
}
