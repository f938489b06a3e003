/**
 * Worker-thread entry for the bundle writer (electron/core/bundles/writer-thread.ts): it seals the
 * tar bytes it is sent into age's STREAM, hashes and writes them to the export's file (the same
 * AgeFileSink the core uses without a worker), one message after the other, and says how many
 * bytes it has taken, so that the sender keeps a bounded amount in flight.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AgeFileSink } from '../bundles/age-file-sink';
import { serializeError, type BundleWriterData, type FromBundleWriter, type ToBundleWriter } from '../bundles/writer-thread';

if (!parentPort) throw new Error('bundle-writer-worker must run in a worker thread');
const port = parentPort;
const data = workerData as BundleWriterData;
const send = (message: FromBundleWriter) => port.postMessage(message);

const sink = new AgeFileSink(data.fd, Buffer.from(data.prefix), Buffer.from(data.key));
let failed = false;
let queue: Promise<void> = Promise.resolve();

async function handle(message: ToBundleWriter): Promise<void> {
  if (message.type === 'abort') {
    await sink.abort();
    send({ type: 'aborted' });
    return;
  }
  // After a failure nothing more is written; the sender hears of it and aborts.
  if (failed) return;
  try {
    if (message.type === 'write') {
      await sink.write(message.pieces);
      send({ type: 'taken', bytes: message.bytes });
    } else {
      const { bytes, sha256 } = await sink.finish();
      send({ type: 'finished', bytes, sha256 });
    }
  } catch (error) {
    failed = true;
    send({ type: 'failed', error: serializeError(error) });
  }
}

port.on('message', (message: ToBundleWriter) => {
  queue = queue.then(() => handle(message));
});
