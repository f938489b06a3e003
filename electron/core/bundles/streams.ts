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
