/**
 * Worker-thread entry: the one owner of the vault connection. Everything that reaches the vault
 * goes through Core.call here, off the thread that serves the UI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { Core, type CoreOptions } from '../api/core';
import type { FromCoreWorker, ToCoreWorker } from './messages';

if (!parentPort) throw new Error('core-worker must run in a worker thread');
const port = parentPort;
const core = new Core(workerData as CoreOptions);
const send = (message: FromCoreWorker) => port.postMessage(message);

core.onEvent((event) => send({ type: 'event', event }));

port.on('message', async (message: ToCoreWorker) => {
  switch (message.type) {
    case 'call':
      send({ type: 'result', id: message.id, result: await core.call(message.name, message.input) });
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
  }
});
