/**
 * Worker-thread entry: the one owner of the vault connection. Everything that reaches the vault
 * goes through Core.callUntrusted here, off the thread that serves the UI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Core } from '../api/core';
import { JobCancellation } from '../kernel/job-cancellation';
import type { CoreWorkerData, FromCoreWorker, ToCoreWorker } from './messages';

if (!parentPort) throw new Error('core-worker must run in a worker thread');
const port = parentPort;
const { options, jobControl, pdfFromParent } = workerData as CoreWorkerData;
const send = (message: FromCoreWorker) => port.postMessage(message);

/** Open requests waiting for the parent thread's answer. */
const pendingOpens = new Map<number, { resolve(): void; reject(error: Error): void }>();
let nextOpenId = 1;

const pendingPdfs = new Map<number, { resolve(bytes: Uint8Array): void; reject(error: Error): void }>();
let nextPdfId = 1;

const core = new Core(options, {
  renderPdf: pdfFromParent
    ? (request) =>
        new Promise<Uint8Array>((resolve, reject) => {
          const id = nextPdfId++;
          pendingPdfs.set(id, { resolve, reject });
          send({ type: 'render-pdf', id, request });
        })
    : undefined,
  jobCancellation: new JobCancellation(jobControl),
  openPath: (filePath) =>
    new Promise<void>((resolve, reject) => {
      const id = nextOpenId++;
      pendingOpens.set(id, { resolve, reject });
      send({ type: 'open-path', id, path: filePath });
    }),
});

core.onEvent((event) => send({ type: 'event', event }));

// Messages are handled side by side, as they arrive; the listener cannot wait for one to end.
port.on('message', (message: ToCoreWorker) => {
  handle(message).catch((error: unknown) => {
    // Only a failed lock or dispose gets here (Core.callUntrusted answers every failure with a Result), and then the
    // vault's state is unknown: the error ends the worker, and the client answers every waiting call as failed.
    setImmediate(() => {
      throw error;
    });
  });
});

async function handle(message: ToCoreWorker): Promise<void> {
  switch (message.type) {
    case 'call':
      send({ type: 'result', id: message.id, result: await core.callUntrusted(message.name, message.input) });
      return;
    case 'lock':
      await core.lock(message.reason);
      send({ type: 'done', id: message.id });
      return;
    case 'dispose':
      await core.dispose();
      send({ type: 'done', id: message.id });
      port.close();
      return;
    case 'open-path-done': {
      const pending = pendingOpens.get(message.id);
      pendingOpens.delete(message.id);
      if (message.error === undefined) pending?.resolve();
      else pending?.reject(new Error(message.error));
      return;
    }
    case 'render-pdf-done': {
      const pending = pendingPdfs.get(message.id);
      pendingPdfs.delete(message.id);
      if (message.bytes) pending?.resolve(message.bytes);
      else pending?.reject(new Error(message.error ?? 'no PDF'));
      return;
    }
  }
}
