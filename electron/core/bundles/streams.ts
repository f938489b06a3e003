import fs from 'node:fs';

/**
 * Glue between the three kinds of stream the bundle pipeline meets: files (read and written with
 * plain fs calls in bounded pieces), tar-stream's streamx streams, and the WHATWG streams that
 * age-encryption reads and returns. Every adaptor pulls one piece at a time, so memory stays
 * bounded by a few pieces whatever the size of the bundle.
 */

/** Pieces of this size are read from a bundle file. */
export const READ_PIECE = 256 * 1024;

/** A ReadableStream over an async iterator, pulled one piece at a time. */
export function readableFromIterator(iterator: AsyncIterator<Uint8Array>, onCancel?: (reason: unknown) => void): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value instanceof Uint8Array ? next.value : new Uint8Array(next.value));
      },
      cancel(reason) {
        onCancel?.(reason);
      },
    },
    { highWaterMark: 1 },
  );
}

/** A ReadableStream over a file, from `start`, read in pieces as the consumer asks. */
export function readableFromFile(fd: number, onBytes?: (bytesRead: number) => void): ReadableStream<Uint8Array> {
  let position = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const buffer = Buffer.allocUnsafe(READ_PIECE);
        const read = fs.readSync(fd, buffer, 0, READ_PIECE, position);
        if (read === 0) {
          controller.close();
          return;
        }
        position += read;
        onBytes?.(position);
        controller.enqueue(new Uint8Array(buffer.buffer, buffer.byteOffset, read));
      },
    },
    { highWaterMark: 1 },
  );
}

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
