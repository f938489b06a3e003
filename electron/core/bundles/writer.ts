import fs from 'node:fs';
import path from 'node:path';
import tar from 'tar-stream';
import { CoreError } from '../kernel/errors';
import { commitTemporaryFile, temporarySiblingPath } from '../kernel/atomic-write';
import { AgeFileSink, type TarByteSink } from './age-file-sink';
import { startAgePayload, type AgeRecipients } from './age-stream';
import { LIMITS } from './format';
import { writeWithBackpressure, yieldToEventLoop } from './streams';
import { WorkerAgeFileSink, type BundleWriterScript } from './writer-thread';

/** How much the writer streams between two turns of the event loop (a few ms of work). */
const YIELD_EVERY_BYTES = 1024 * 1024;
/** How much the writer hands to its sink at once (one message to the writer's thread). */
const BATCH_BYTES = 4 * 1024 * 1024;

/**
 * The bundle file: a tar archive, streamed through age, into a temporary sibling of the target
 * that is fsynced and renamed into place only when complete.
 *
 *   entries (one piece at a time) → tar-stream pack → TarByteSink: age STREAM (64 KiB chunks) → SHA-256 → file
 *
 * This thread reads the entries (the attachments' chunks from SQLCipher, checked against their
 * SHA-256) and frames them as tar. The sink (age-file-sink.ts) seals, hashes and writes: with
 * `writerWorker`, in a worker thread of its own (writer-thread.ts), so that it works while this
 * thread reads the next chunks; without, here, writing on libuv's thread pool. Either way at most
 * a few MiB are in flight; after every MiB the event loop gets a turn (and with it, calls that may
 * run beside an export: the reads, see Core.callUntrusted and the lanes in shared/api/define.ts).
 *
 * Nothing here holds more than a few pieces: a bundle with gigabytes of attachments needs the
 * same memory as one with a few kilobytes (tar-stream's pack waits for its reader before it takes
 * more; the worker's sender waits when 8 MiB are not yet taken).
 */

export interface TarEntrySource {
  path: string;
  size: number;
  /**
   * The content, in pieces; the sum of their lengths must be `size`. Each piece is handed over:
   * it may move to the writer's thread, and be empty here afterwards.
   */
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
      const sink = pack.entry({ name: entry.path, size: entry.size, mode: 0o600, mtime, type: 'file', uid: 0, gid: 0 }, (error) => (error ? reject(error) : resolve()));
      // Failures reach the caller through `reject`; an 'error' event without a listener would crash the process.
      sink.on('error', () => undefined);
      void (async () => {
        let written = 0;
        for await (const chunk of entry.chunks()) {
          // Read before the write: the bytes may move to the writer's thread (and be empty here) on the way.
          const length = chunk.length;
          written += length;
          if (written > entry.size) throw new Error(`${entry.path}: more bytes than announced`);
          await writeWithBackpressure(sink, chunk);
          onContentBytes?.(length);
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
  options: { overwrite?: boolean; writerWorker?: BundleWriterScript } = {},
): Promise<WrittenFile> {
  const overwrite = options.overwrite ?? false;
  const finalPath = path.resolve(targetPath);
  const temporaryPath = temporarySiblingPath(finalPath);
  fs.mkdirSync(path.dirname(finalPath), { recursive: true, mode: 0o700 });
  let fd: number | undefined = fs.openSync(temporaryPath, 'wx', 0o600);
  const pack = tar.pack();
  pack.on('error', () => undefined);
  let sink: TarByteSink | null = null;
  try {
    const { prefix, key } = await startAgePayload({
      ...target,
      scryptLogN: target.passphrase !== undefined ? (target.scryptLogN ?? LIMITS.scryptLogN) : undefined,
    });
    sink = options.writerWorker ? WorkerAgeFileSink.start(options.writerWorker, fd, prefix, key) : new AgeFileSink(fd, prefix, key);
    const out = sink;
    let sinceYield = 0;
    const packing = packEntries(pack, entries, mtime, onContentBytes).catch((error: unknown) => {
      pack.destroy(error as Error);
      throw error;
    });
    // Observed below; this keeps an early failure from being "unhandled" meanwhile.
    packing.catch(() => undefined);
    let writeFailure: { error: unknown } | null = null;
    // Pieces go to the sink a few MiB at a time: one message to the writer's thread for several chunks.
    let batch: Uint8Array[] = [];
    let batched = 0;
    const handOver = async () => {
      const pieces = batch;
      batch = [];
      batched = 0;
      await out.write(pieces).catch((error: unknown) => {
        writeFailure = { error };
        throw error;
      });
    };
    try {
      for await (const piece of pack) {
        const length = (piece as Uint8Array).length;
        batch.push(piece as Uint8Array);
        batched += length;
        sinceYield += length;
        if (batched >= BATCH_BYTES) await handOver();
        // The core's thread answers nothing else while it streams; let its event loop turn now and then.
        if (sinceYield >= YIELD_EVERY_BYTES) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
      }
      await handOver();
    } catch (error) {
      // The file could not take more (a full disk): that, not the pack's echo of it, is the failure.
      if (writeFailure) throw (writeFailure as { error: unknown }).error;
      // The pack failed first (a damaged attachment): report that, not the echo.
      await packing;
      throw error;
    }
    await packing;
    const { bytes, sha256 } = await out.finish();
    // The data to disk on the thread pool (a gigabyte can take a second): the fsync in
    // commitTemporaryFile below then finds nothing left to write and does not stall this thread.
    await new Promise<void>((resolve, reject) => fs.fdatasync(fd!, (error) => (error ? reject(error) : resolve())));
    fs.closeSync(fd);
    fd = undefined;
    // Checked again: a file may have appeared at the target while the bundle was written.
    if (!overwrite && fs.existsSync(finalPath)) throw new CoreError('FILE_EXISTS', `${finalPath} appeared while the bundle was written`);
    commitTemporaryFile(temporaryPath, finalPath);
    return { path: finalPath, bytes, sha256 };
  } catch (error) {
    // Stop the producer too (a write failed: it would wait for room forever).
    pack.destroy(error as Error);
    // No queued write may land after the file is closed (or its number reused).
    await sink?.abort().catch(() => undefined);
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(temporaryPath, { force: true });
    throw error;
  }
}
