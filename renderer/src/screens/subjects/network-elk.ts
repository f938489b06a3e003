import ELK from 'elkjs/lib/elk-api.js';
import type { ELK as ElkInstance } from 'elkjs/lib/elk-api';
// ELK's layout runs in its own worker, one of our built files (Vite emits it beside the app), so a
// large dossier's layout never blocks the page; the CSP's script-src 'self' covers it.
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

let instance: ElkInstance | null = null;

/** One ELK worker for the app, started on the first network drawn. */
export function networkElk(): ElkInstance {
  instance ??= new ELK({ workerUrl: elkWorkerUrl });
  return instance;
}
