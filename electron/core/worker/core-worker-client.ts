import { Worker } from 'node:worker_threads';
import type { CoreEvent, Result } from '../../../shared/api';
import type { CoreOptions } from '../api/core';
import type { CoreService, LockReason } from '../api/core-service';
import type { FromCoreWorker, ToCoreWorker } from './messages';

type Pending = { resolve: (value: FromCoreWorker) => void };

/** Runs a Core in a worker thread and offers it as a CoreService to the transports. */
export class CoreWorkerClient implements CoreService {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private nextId = 1;
  private exited = false;

  /**
   * @param workerScript the bundled core-worker (out/…/core-worker.*), or in tests a loader
   * @param argv passed to the worker's process.argv (the tests' loader takes the .ts entry here)
   */
  constructor(options: CoreOptions, workerScript: string | URL, argv: string[] = []) {
    this.worker = new Worker(workerScript, { workerData: options, argv });
    this.worker.on('message', (message: FromCoreWorker) => {
      if (message.type === 'event') {
        for (const listener of this.listeners) listener(message.event);
        return;
      }
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      pending?.resolve(message);
    });
    this.worker.on('error', (error) => this.failAll(error.message));
    this.worker.on('exit', () => {
      this.exited = true;
      this.failAll('core worker stopped');
    });
  }

  private failAll(reason: string): void {
    for (const [id, pending] of this.pending) {
      pending.resolve({ type: 'result', id, result: { ok: false, error: { code: 'INTERNAL', message: reason } } });
    }
    this.pending.clear();
  }

  private request(message: ToCoreWorker): Promise<FromCoreWorker> {
    if (this.exited) {
      return Promise.resolve({ type: 'result', id: message.id, result: { ok: false, error: { code: 'INTERNAL', message: 'core worker stopped' } } });
    }
    return new Promise((resolve) => {
      this.pending.set(message.id, { resolve });
      this.worker.postMessage(message);
    });
  }

  async call(name: unknown, input: unknown): Promise<Result<unknown>> {
    const reply = await this.request({ type: 'call', id: this.nextId++, name, input });
    return reply.type === 'result' ? reply.result : { ok: false, error: { code: 'INTERNAL', message: 'unexpected reply' } };
  }

  onEvent(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async lock(reason: LockReason): Promise<void> {
    await this.request({ type: 'lock', id: this.nextId++, reason });
  }

  /** Lock the vault (the worker folds the WAL and wipes the key) and stop the worker. */
  async dispose(): Promise<void> {
    if (!this.exited) await this.request({ type: 'dispose', id: this.nextId++ });
    this.listeners.clear();
    await this.worker.terminate();
  }
}
