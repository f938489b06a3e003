import { Worker } from 'node:worker_threads';
import { api, isHandlerName, type CoreEvent, type HandlerName, type Input, type Output, type Result } from '../../../shared/api';
import type { PathOpener } from '../attachments/temporary-copies';
import type { CoreOptions } from '../api/core';
import type { PdfRenderer, PdfRequest } from '../documents/pdf';
import { valueOf, type CoreService, type LockReason } from '../api/core-service';
import { createImmediateHandlers } from '../attachments/immediate-handlers';
import { JobCancellation } from '../kernel/job-cancellation';
import { validateCall } from '../api/validate-call';
import { toCoreError } from '../kernel/errors';
import type { CoreWorkerData, FromCoreWorker, ToCoreWorker } from './messages';

export interface CoreWorkerDependencies {
  /** Opens the core's temporary copies with their program; without it attachment.openCopy fails with OPEN_FAILED. */
  openPath?: PathOpener;
  /** Renders documents to PDF in this thread (Electron's printToPDF); without it the worker uses headless Chromium. */
  renderPdf?: PdfRenderer;
}

type Pending = { resolve: (value: FromCoreWorker) => void };

/** Runs a Core in a worker thread and offers it as a CoreService to the transports. */
export class CoreWorkerClient implements CoreService {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CoreEvent) => void>();
  private nextId = 1;
  private exited = false;
  private readonly cancellation = new JobCancellation();
  private readonly immediate = createImmediateHandlers(this.cancellation);

  /**
   * @param workerScript the bundled core-worker (out/…/core-worker.*), or in tests a loader
   * @param argv passed to the worker's process.argv (the tests' loader takes the .ts entry here)
   */
  constructor(
    options: CoreOptions,
    workerScript: string | URL,
    argv: string[] = [],
    private readonly dependencies: CoreWorkerDependencies = {},
  ) {
    const workerData: CoreWorkerData = { options, jobControl: this.cancellation.buffer, pdfFromParent: dependencies.renderPdf !== undefined };
    this.worker = new Worker(workerScript, { workerData, argv });
    this.worker.on('message', (message: FromCoreWorker) => {
      if (message.type === 'event') {
        for (const listener of this.listeners) listener(message.event);
        return;
      }
      if (message.type === 'open-path') {
        void this.openPath(message.id, message.path);
        return;
      }
      if (message.type === 'render-pdf') {
        void this.renderPdf(message.id, message.request);
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

  private async openPath(id: number, filePath: string): Promise<void> {
    let error: string | undefined;
    try {
      if (!this.dependencies.openPath) throw new Error('no program opener in this host');
      await this.dependencies.openPath(filePath);
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
    }
    if (!this.exited) this.worker.postMessage({ type: 'open-path-done', id, error } satisfies ToCoreWorker);
  }

  private async renderPdf(id: number, request: PdfRequest): Promise<void> {
    let reply: ToCoreWorker;
    try {
      if (!this.dependencies.renderPdf) throw new Error('no PDF renderer in this host');
      reply = { type: 'render-pdf-done', id, bytes: await this.dependencies.renderPdf(request) };
    } catch (failure) {
      reply = { type: 'render-pdf-done', id, error: failure instanceof Error ? failure.message : String(failure) };
    }
    if (!this.exited) this.worker.postMessage(reply);
  }

  async callUntrusted(name: unknown, input: unknown): Promise<Result<unknown>> {
    if (isHandlerName(name) && api[name].lane === 'immediate') return this.answerImmediately(name, input);
    const reply = await this.request({ type: 'call', id: this.nextId++, name, input });
    return reply.type === 'result' ? reply.result : { ok: false, error: { code: 'INTERNAL', message: 'unexpected reply' } };
  }

  async call<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
    return valueOf<K>(await this.callUntrusted(name, input));
  }

  /**
   * The job such a call is about keeps the worker's thread busy until it ends: answered here, on
   * the memory the two threads share (the core makes the same decision in its own thread).
   */
  private async answerImmediately(name: HandlerName, input: unknown): Promise<Result<unknown>> {
    const checked = validateCall(name, input);
    if (!checked.ok) return checked;
    const handler = (this.immediate as Partial<Record<HandlerName, (input: unknown) => unknown>>)[checked.value.name];
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: `${name} has no immediate answer` } };
    try {
      return { ok: true, value: await handler(checked.value.input) };
    } catch (error) {
      return { ok: false, error: toCoreError(error, name).toApiError() };
    }
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
