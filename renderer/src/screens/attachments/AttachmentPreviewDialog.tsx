import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMAGE_PREVIEW_BYTES, previewKindOf, type Attachment } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useErrorText } from '../../components/useErrorText';
import { formatBytes } from '../../format/bytes';
import { currentLanguage } from '../../i18n';
import { Grading, TlpBadge } from '../../components/Weighing';
import { typeLabel } from './attachment-labels';
import { openPdf, type OpenedPdf } from './pdf-document';
import { PreviewReadError, readImageBlob } from './preview-bytes';

type Failure = { kind: 'failed' } | { kind: 'password' } | { kind: 'core'; text: string };

/** The sentence for a preview that could not be made. */
function useFailureText(): (failure: Failure) => string {
  const { t } = useTranslation();
  return (failure) => (failure.kind === 'core' ? failure.text : failure.kind === 'password' ? t('attachments.preview.passwordProtected') : t('attachments.preview.failed'));
}

function useToFailure(): (error: unknown) => Failure {
  const errorText = useErrorText();
  return (error) => {
    if (error instanceof PreviewReadError) return { kind: 'core', text: errorText(error.apiError) };
    if ((error as { name?: unknown } | null)?.name === 'PasswordException') return { kind: 'password' };
    return { kind: 'failed' };
  };
}

/**
 * An attachment shown inside the app: images as a picture, PDFs page by page, everything else
 * with a plain "no preview". The bytes come from the core into memory only; the Blob URL of an
 * image and pdf.js's document are let go when the dialog closes (also when the vault locks, which
 * unmounts every screen).
 */
export function AttachmentPreviewDialog({ attachment, onClose }: { attachment: Attachment; onClose(): void }) {
  const { t } = useTranslation();
  const kind = previewKindOf(attachment);
  const language = currentLanguage();
  return (
    <Dialog title={t('attachments.preview.title', { name: attachment.fileName })} onClose={onClose} className="app-attachment-preview-dialog">
      <dl className="app-attachment-facts" aria-label={t('attachments.preview.facts')}>
        <div>
          <dt>{t('attachments.table.type')}</dt>
          <dd>{typeLabel(t, attachment)}</dd>
        </div>
        <div>
          <dt>{t('attachments.table.size')}</dt>
          <dd>{formatBytes(attachment.byteSize, language)}</dd>
        </div>
        <div>
          <dt>{t('attachments.table.grading')}</dt>
          <dd>
            <Grading sourceGrade={attachment.sourceGrade} informationGrade={attachment.informationGrade} />
          </dd>
        </div>
        <div>
          <dt>{t('attachments.table.tlp')}</dt>
          <dd>
            <TlpBadge tlp={attachment.tlp} />
          </dd>
        </div>
      </dl>
      <div className="app-attachment-preview">
        {kind === 'image' && <ImagePreview attachment={attachment} />}
        {kind === 'pdf' && <PdfPreview attachment={attachment} />}
        {kind === 'too-large' && <Alert type="info">{t('attachments.preview.tooLarge', { limit: formatBytes(MAX_IMAGE_PREVIEW_BYTES, language) })}</Alert>}
        {kind === 'none' && <Alert type="info">{t('attachments.preview.none')}</Alert>}
      </div>
      <div className="app-button-row">
        <Button appearance="secondary" onClick={onClose}>
          {t('attachments.preview.close')}
        </Button>
      </div>
    </Dialog>
  );
}

function ImagePreview({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const toFailure = useToFailure();
  const failureText = useFailureText();
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // An attachment's bytes never change: read again only for another attachment, not for a new object or language.
  const readImage = useEffectEvent(() => readImageBlob(attachment));
  const fail = useEffectEvent((error: unknown) => setFailure(toFailure(error)));

  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    readImage().then(
      (blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      (error: unknown) => {
        if (!cancelled) fail(error);
      },
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.id]);

  if (failure) return <Alert type="error">{failureText(failure)}</Alert>;
  if (!url) {
    return (
      <p className="utrecht-paragraph" role="status">
        {t('attachments.preview.loading')}
      </p>
    );
  }
  return <img className="app-attachment-preview__image" src={url} alt={attachment.fileName} onError={() => setFailure({ kind: 'failed' })} />;
}

/** The largest the page may be drawn: the dialog's width, and most of the window's height. */
function fitScale(pageWidth: number, pageHeight: number, box: HTMLElement): number {
  const availableWidth = Math.max(200, box.clientWidth);
  const availableHeight = Math.max(300, window.innerHeight * 0.62);
  return Math.min(availableWidth / pageWidth, availableHeight / pageHeight, 2);
}

function PdfPreview({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  const toFailure = useToFailure();
  const failureText = useFailureText();
  const [pdf, setPdf] = useState<OpenedPdf | null>(null);
  const [pageNumber, setPageNumber] = useState(1);
  const [drawn, setDrawn] = useState<number | null>(null);
  const [pageText, setPageText] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  // An attachment's bytes never change: open again only for another attachment, not for a new object or language.
  const openDocument = useEffectEvent((onReadError: (error: unknown) => void) => openPdf(attachment, onReadError));
  const fail = useEffectEvent((error: unknown) => setFailure(toFailure(error)));

  useEffect(() => {
    let cancelled = false;
    let opened: OpenedPdf | null = null;
    openDocument((error) => {
      if (!cancelled) fail(error);
    }).then(
      (document) => {
        opened = document;
        if (cancelled) void document.close();
        else setPdf(document);
      },
      (error: unknown) => {
        if (!cancelled) fail(error);
      },
    );
    return () => {
      cancelled = true;
      if (opened) void opened.close();
    };
  }, [attachment.id]);

  useEffect(() => {
    if (!pdf) return;
    let cancelled = false;
    let renderTask: { cancel(): void } | null = null;
    (async () => {
      const page = await pdf.document.getPage(pageNumber);
      const canvas = canvasRef.current;
      const box = boxRef.current;
      if (cancelled || !canvas || !box) return;
      const unscaled = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: fitScale(unscaled.width, unscaled.height, box) });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      renderTask = task;
      await task.promise;
      if (cancelled) return;
      setDrawn(pageNumber);
      const content = await page.getTextContent();
      if (cancelled) return;
      const text = content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      setPageText(text);
    })().catch((error: unknown) => {
      if (cancelled || (error as { name?: unknown } | null)?.name === 'RenderingCancelledException') return;
      fail(error);
    });
    return () => {
      cancelled = true;
      renderTask?.cancel();
    };
  }, [pdf, pageNumber]);

  if (failure) return <Alert type="error">{failureText(failure)}</Alert>;
  const pages = pdf?.document.numPages ?? 0;
  return (
    <div className="app-attachment-pdf">
      {pdf && (
        <div className="app-attachment-pdf__navigation">
          <Button appearance="secondary" disabled={pageNumber <= 1} onClick={() => setPageNumber((page) => Math.max(1, page - 1))}>
            {t('attachments.preview.previousPage')}
          </Button>
          <p className="utrecht-paragraph app-attachment-pdf__page" role="status">
            {t('attachments.preview.page', { page: pageNumber, pages })}
          </p>
          <Button appearance="secondary" disabled={pageNumber >= pages} onClick={() => setPageNumber((page) => Math.min(pages, page + 1))}>
            {t('attachments.preview.nextPage')}
          </Button>
        </div>
      )}
      {drawn === null && (
        <p className="utrecht-paragraph" role="status">
          {t('attachments.preview.loading')}
        </p>
      )}
      <div className="app-attachment-pdf__page-box" ref={boxRef}>
        <canvas
          ref={canvasRef}
          className="app-attachment-pdf__canvas"
          role="img"
          aria-label={t('attachments.preview.pageImage', { page: pageNumber, pages, name: attachment.fileName })}
          hidden={drawn === null}
        />
      </div>
      {pdf && drawn !== null && pageText !== null && (
        <details className="app-attachment-pdf__text">
          <summary>{t('attachments.preview.pageText')}</summary>
          <p className="utrecht-paragraph">{pageText || t('attachments.preview.noPageText')}</p>
        </details>
      )}
    </div>
  );
}
