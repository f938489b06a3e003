import type { CoreEvent, Result } from '../../../shared/api';
import type { CoreOptions } from '../api/core';
import type { LockReason } from '../api/core-service';
import type { PdfRequest } from '../documents/pdf';

/** What the worker is started with: the core's options, and the memory it shares for cancelling jobs. */
export interface CoreWorkerData {
  options: CoreOptions;
  /** A JobCancellation's buffer (electron/core/kernel/job-cancellation.ts). */
  jobControl: SharedArrayBuffer;
  /** The parent thread renders PDFs (Electron's printToPDF): the worker asks it with 'render-pdf'. */
  pdfFromParent?: boolean;
}

/** Messages between the thread that owns a transport and the worker that owns the vault. */
export type ToCoreWorker =
  | { type: 'call'; id: number; name: unknown; input: unknown }
  | { type: 'lock'; id: number; reason: LockReason }
  | { type: 'dispose'; id: number }
  /** The answer to an 'open-path' request: `error` when the platform could not open the file. */
  | { type: 'open-path-done'; id: number; error?: string }
  /** The answer to 'render-pdf': the bytes, or why not. */
  | { type: 'render-pdf-done'; id: number; bytes?: Uint8Array; error?: string };

export type FromCoreWorker =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'done'; id: number }
  | { type: 'event'; event: CoreEvent }
  /**
   * The core asks the thread that owns the platform (Electron's main process, the browser host)
   * to open a temporary copy with its program: the worker has no access to Electron's shell.
   */
  | { type: 'open-path'; id: number; path: string }
  /** The core asks the thread that owns Electron to render a document's HTML to PDF. */
  | { type: 'render-pdf'; id: number; request: PdfRequest };
