import { Worker } from 'node:worker_threads';
import type { TarByteSink } from './age-file-sink';

/**
 * The bundle writer's worker thread (electron/core/worker/bundle-writer-worker.ts): age sealing,
 * the file's SHA-256 and the writes, beside the thread that reads the attachments from SQLCipher.
 * Loaded as the integrity check's worker is: the bundled bundle-writer-worker.* beside the core
 * (the hosts pass its path in BundleOptions.writerWorker), or in tests a TypeScript loader.
 *
 * The file descriptor is the process's, so the worker writes to the file the export opened; the
 * export keeps opening, syncing, renaming and removing it. The plaintext moves to the worker
 * (transferred, not copied, where a piece owns its memory), at most MAX_IN_FLIGHT bytes of it
 * not yet taken by the worker's file writer (which queues at most 8 MiB more).
 */
export interface BundleWriterScript {
  script: string;
  /** Passed to the worker's process.argv (the tests' loader takes the .ts entry here). */
  argv?: string[];
}

/** What the worker starts with: the file, the age prefix to write first, and the payload key (moved, not copied). */
export interface BundleWriterData {
  fd: number;
  prefix: ArrayBuffer;
  key: ArrayBuffer;
}

export type ToBundleWriter = { type: 'write'; pieces: Uint8Array[]; bytes: number } | { type: 'finish' } | { type: 'abort' };

/** A failure of the worker's file writes, with the code (ENOSPC…) that the export turns into its error. */
export interface SerializedError {
  message: string;
  code?: string;
  errno?: number;
  syscall?: string;
}

export type FromBundleWriter =
  { type: 'taken'; bytes: number } | { type: 'finished'; bytes: number; sha256: string } | { type: 'aborted' } | { type: 'failed'; error: SerializedError };

export const MAX_IN_FLIGHT = 8 * 1024 * 1024;
/** Pieces smaller than this are copied into memory of their own (tar headers, padding, documents): they may share a pool. */
const TRANSFER_AT_LEAST = 64 * 1024;

export function serializeError(error: unknown): SerializedError {
  const { code, errno, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  return { message: error instanceof Error ? error.message : String(error), code, errno, syscall };
}

function deserializeError(error: SerializedError): Error {
  return Object.assign(new Error(error.message), { code: error.code, errno: error.errno, syscall: error.syscall });
}

/** A copy in memory of its own, which can then move to another thread. */
function transferable(piece: Uint8Array): Uint8Array {
  const owns = piece.byteOffset === 0 && piece.byteLength === piece.buffer.byteLength && piece.buffer instanceof ArrayBuffer;
  return owns && piece.byteLength >= TRANSFER_AT_LEAST ? piece : new Uint8Array(piece);
}

export class WorkerAgeFileSink implements TarByteSink {
  private inFlight = 0;
  private error: Error | null = null;
  private waiting: Array<() => void> = [];
  private onFinished: ((result: { bytes: number; sha256: string } | null) => void) | null = null;
  private onAborted: (() => void) | null = null;
  private readonly exited: Promise<void>;
  private gone = false;

  private constructor(private readonly worker: Worker) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (message: FromBundleWriter) => {
      if (message.type === 'taken') {
        this.inFlight -= message.bytes;
        this.wake();
      } else if (message.type === 'finished') this.onFinished?.({ bytes: message.bytes, sha256: message.sha256 });
      else if (message.type === 'aborted') this.onAborted?.();
      else this.fail(deserializeError(message.error));
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      this.gone = true;
      this.fail(new Error(`bundle writer stopped (${code})`));
      this.onAborted?.();
    });
  }

  /**
   * Start the worker on the open file `fd`. The prefix and the key are copied into memory that
   * moves to the worker; the caller's key is wiped here.
   */
  static start(script: BundleWriterScript, fd: number, prefix: Buffer, key: Buffer): WorkerAgeFileSink {
    const prefixCopy = new Uint8Array(prefix).buffer;
    const keyCopy = new ArrayBuffer(key.byteLength);
    new Uint8Array(keyCopy).set(key);
    key.fill(0);
    const workerData: BundleWriterData = { fd, prefix: prefixCopy, key: keyCopy };
    try {
      return new WorkerAgeFileSink(new Worker(script.script, { workerData, transferList: [prefixCopy, keyCopy], argv: script.argv ?? [] }));
    } finally {
      // Transferred, the buffer is detached here (length 0); if the worker did not start, wipe it.
      if (keyCopy.byteLength > 0) new Uint8Array(keyCopy).fill(0);
    }
  }

  async write(pieces: readonly Uint8Array[]): Promise<void> {
    if (this.error) throw this.error;
    const moving = pieces.filter((piece) => piece.length > 0).map(transferable);
    const bytes = moving.reduce((sum, piece) => sum + piece.byteLength, 0);
    if (bytes === 0) return;
    this.inFlight += bytes;
    const message: ToBundleWriter = { type: 'write', pieces: moving, bytes };
    this.worker.postMessage(
      message,
      moving.map((piece) => piece.buffer as ArrayBuffer),
    );
    while (this.inFlight > MAX_IN_FLIGHT && !this.error) await new Promise<void>((resolve) => this.waiting.push(resolve));
    if (this.error) throw this.error;
  }

  async finish(): Promise<{ bytes: number; sha256: string }> {
    if (this.error) throw this.error;
    const result = await new Promise<{ bytes: number; sha256: string } | null>((resolve) => {
      this.onFinished = resolve;
      this.worker.postMessage({ type: 'finish' } satisfies ToBundleWriter);
    });
    this.onFinished = null;
    if (!result) throw this.error!;
    await this.stop();
    return result;
  }

  async abort(): Promise<void> {
    if (!this.gone) {
      // The worker answers after its queued writes have landed (or failed).
      await new Promise<void>((resolve) => {
        this.onAborted = resolve;
        this.worker.postMessage({ type: 'abort' } satisfies ToBundleWriter);
      });
    }
    await this.stop();
  }

  private async stop(): Promise<void> {
    this.onAborted = null;
    if (!this.gone) await this.worker.terminate();
    await this.exited;
  }

  private fail(error: Error): void {
    this.error ??= error;
    this.wake();
    this.onFinished?.(null);
  }

  private wake(): void {
    if (this.inFlight > MAX_IN_FLIGHT && !this.error) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
