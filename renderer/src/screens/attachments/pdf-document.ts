import type { PDFDocumentLoadingTask, PDFDocumentProxy } from 'pdfjs-dist';
// pdf.js's worker is one of our own built files (Vite emits it beside the app): never a remote or
// inline script, so the CSP's script-src 'self' covers it.
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { Attachment } from '../../../../shared/api';
import { readAttachmentBytes } from './preview-bytes';

/** What pdf.js reads at a time; also what it gets before it asks (enough for a small PDF whole). */
const PDF_RANGE_CHUNK = 512 * 1024;

export interface OpenedPdf {
  document: PDFDocumentProxy;
  /** Stops pdf.js and its worker; the document's memory goes with it. */
  close(): Promise<void>;
}

/**
 * Open a PDF attachment with pdf.js, reading it from the core range by range (a 300 MB scan shows
 * its first page after a few megabytes, not after all of them). The options keep pdf.js to
 * drawing: no eval (the CSP forbids it anyway), no WebAssembly, no XFA forms, no font or CMap
 * files fetched from anywhere; a PDF's own scripts never run (pdf.js runs none without its
 * scripting sandbox, which is not loaded). Fonts a PDF does not embed are drawn with system fonts.
 */
export async function openPdf(attachment: Attachment, onReadError: (error: unknown) => void): Promise<OpenedPdf> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = pdfWorkerUrl;
  const initialData = await readAttachmentBytes(attachment.id, 0, Math.min(attachment.byteSize, PDF_RANGE_CHUNK));

  class CoreRangeTransport extends pdfjs.PDFDataRangeTransport {
    private aborted = false;

    override requestDataRange(begin: number, end: number): void {
      readAttachmentBytes(attachment.id, begin, end).then(
        (bytes) => {
          if (!this.aborted) this.onDataRange(begin, bytes);
        },
        (error: unknown) => {
          // pdf.js has no way to hear that a range failed: the preview gives up instead of waiting.
          if (!this.aborted) onReadError(error);
        },
      );
    }

    override abort(): void {
      this.aborted = true;
      super.abort();
    }
  }

  const loadingTask: PDFDocumentLoadingTask = pdfjs.getDocument({
    range: new CoreRangeTransport(attachment.byteSize, initialData),
    rangeChunkSize: PDF_RANGE_CHUNK,
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    // Errors only: pdf.js's warnings (a missing standard font file, say) are not the user's concern.
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    const document = await loadingTask.promise;
    return { document, close: () => loadingTask.destroy() };
  } catch (error) {
    void loadingTask.destroy();
    throw error;
  }
}
