import fs from 'node:fs';

/** Small helpers for the bundle pipeline: whole writes to a file, and writes that respect backpressure. */

export function writeAll(fd: number, data: Uint8Array): void {
  let written = 0;
  while (written < data.length) written += fs.writeSync(fd, data, written, data.length - written);
}

/** Something with write and a 'drain' event: tar-stream's entry streams and its extractor (streamx). */
export interface DrainableWritable {
  write(chunk: Uint8Array): boolean;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

/** Write a piece, and when the stream asks for it, wait until it has drained (or is gone). */
export async function writeWithBackpressure(stream: DrainableWritable, chunk: Uint8Array): Promise<void> {
  if (stream.write(chunk)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('close', done);
    stream.once('error', done);
  });
}

/** Let the event loop turn: timers, messages and I/O callbacks of this thread get their turn. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Sequential writes to a file on libuv's thread pool, so that the disk works while this thread
 * prepares the next pieces (SQLCipher reads, the cipher). At most `maxInFlight` bytes are queued:
 * `write` waits for the oldest writes when more would be; the caller must not reuse the buffers it
 * passed until `flush` (the bundle writer hands over fresh ones). The first failure is thrown by
 * the next `write` or by `flush`.
 */
export class QueuedFileWriter {
  private position = 0;
  private inFlight = 0;
  private error: unknown = null;
  private readonly queue: Array<{ bytes: number; done: Promise<void> }> = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly fd: number,
    private readonly maxInFlight = 8 * 1024 * 1024,
  ) {}

  /** Queue these buffers (written in order, at the end of what was queued before). */
  async write(buffers: readonly Uint8Array[]): Promise<void> {
    if (this.error) throw this.error;
    const bytes = buffers.reduce((sum, buffer) => sum + buffer.length, 0);
    if (bytes === 0) return;
    const position = this.position;
    this.position += bytes;
    this.inFlight += bytes;
    const done = this.tail
      .then(() => this.writeFully(buffers, position))
      .catch((error: unknown) => {
        this.error ??= error;
      });
    this.tail = done;
    this.queue.push({ bytes, done });
    while (this.inFlight > this.maxInFlight && this.queue.length > 0) {
      const oldest = this.queue.shift()!;
      await oldest.done;
      this.inFlight -= oldest.bytes;
    }
    if (this.error) throw this.error;
  }

  /** Wait for every queued write; throws the first failure. */
  async flush(): Promise<void> {
    await this.tail;
    this.queue.length = 0;
    this.inFlight = 0;
    if (this.error) throw this.error;
  }

  private async writeFully(buffers: readonly Uint8Array[], position: number): Promise<void> {
    let pending = buffers.filter((buffer) => buffer.length > 0);
    while (pending.length > 0) {
      let written = await new Promise<number>((resolve, reject) =>
        fs.writev(this.fd, pending as Uint8Array[], position, (error, bytes) => (error ? reject(error) : resolve(bytes))),
      );
      if (written === 0) throw new Error('write: no progress');
      position += written;
      // A short write: drop what went out, keep the rest of a partly written buffer.
      const rest: Uint8Array[] = [];
      for (const buffer of pending) {
        if (written >= buffer.length) written -= buffer.length;
        else {
          rest.push(written > 0 ? buffer.subarray(written) : buffer);
          written = 0;
        }
      }
      pending = rest;
    }
  }
}
