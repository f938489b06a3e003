import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PREWEEG_SECTIONS, type DocumentPrint, type DocumentVersion, type OutputAudience } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PathField, useSavePathError } from '../../components/PathField';
import type { ApiError } from '../../../../shared/api';
import { suggestedFileNames } from '../../../../shared/domain/file-names';
import { besideVault } from '../../format/path';
import { useSession } from '../../store/session';
import { Section } from '../../components/Section';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore, documentPrinter } from '../../core-client';
import { formatDate } from '../../format/date';
import { currentLanguage } from '../../i18n';
import { AudiencePicker } from './AudiencePicker';
import { NO_OVERRIDE, SharingPreview, overrideOf, type OverrideChoice } from './SharingPreview';

type Format = 'pdf' | 'docx';

/**
 * Print, PDF and Word for the version shown, for an audience the user names (default: whom the
 * version was composed for). Before anything leaves, the preview shows what the sharing regime
 * leaves out for that audience and why, and lets the user take chosen items along with a reason.
 * In the desktop app printing goes through the system dialog with the same template as the PDF
 * (main takes it from the core); in the browser host the page prints its own print area, filled
 * from the same preview. PDF and Word are written by the core to the path chosen here.
 */
export function DocumentOutput({ document }: { document: DocumentVersion }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [audience, setAudience] = useState<OutputAudience>(() => (document.audience?.kind === 'recipients' ? document.audience : { kind: 'internal' }) as OutputAudience);
  const [choice, setChoice] = useState<OverrideChoice>(NO_OVERRIDE);
  const override = overrideOf(choice);
  const preview = useCoreQuery('document.printView', { documentId: document.document.id, version: document.version.version, audience, ...(override ? { override } : {}) });
  const savePathError = useSavePathError();
  const vaultPath = useSession((state) => state.status.path);
  // Whole file names to start from; a folder typed instead gets the same name inside it (decided in the core).
  const [paths, setPaths] = useState<Record<Format, string>>(() => ({
    pdf: besideVault(vaultPath, suggestedFileNames(currentLanguage()).documentVersion(document.document.dossierNumber, document.version.version, 'pdf')),
    docx: besideVault(vaultPath, suggestedFileNames(currentLanguage()).documentVersion(document.document.dossierNumber, document.version.version, 'docx')),
  }));
  const [pathError, setPathError] = useState<{ format: Format; error: ApiError } | null>(null);
  const [busy, setBusy] = useState<Format | 'print' | null>(null);
  const [occupied, setOccupied] = useState<Format | null>(null);
  const [message, setMessage] = useState<{ type: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [missing, setMissing] = useState<Format | null>(null);
  const documentId = document.document.id;
  const version = document.version.version;

  async function write(format: Format, overwrite = false) {
    const targetPath = paths[format].trim();
    if (targetPath === '') {
      setMissing(format);
      return;
    }
    setMissing(null);
    setPathError(null);
    setBusy(format);
    setMessage(null);
    const input = { documentId, version, targetPath, overwrite, audience, ...(override ? { override } : {}) };
    const result = format === 'pdf' ? await callCore('document.exportPdf', input) : await callCore('document.exportDocx', input);
    setBusy(null);
    if (result.ok) {
      setOccupied(null);
      setMessage({
        type: 'ok',
        text: t('documents.output.written', {
          kind: format === 'pdf' ? 'PDF' : 'Word',
          version: result.value.version,
          path: result.value.path,
          marking: result.value.sharing.marking,
        }),
      });
    } else if (result.error.code === 'FILE_EXISTS') {
      setOccupied(format);
    } else if (savePathError(result.error)) {
      setPathError({ format, error: result.error });
    } else {
      setMessage({ type: 'error', text: errorText(result.error) });
    }
  }

  async function print() {
    setBusy('print');
    setMessage(null);
    const printer = documentPrinter();
    if (printer) {
      const printed = await printer({ documentId, version, audience, ...(override ? { override } : {}) });
      setMessage(printed ? { type: 'ok', text: t('documents.output.printed', { version }) } : { type: 'info', text: t('documents.output.printCancelled') });
    } else {
      // The browser host: the page's own print area (print.css), then the print is recorded.
      window.print();
      const result = await callCore('document.printed', { documentId, version, audience, ...(override ? { override } : {}) });
      setMessage(result.ok ? { type: 'ok', text: t('documents.output.printed', { version }) } : { type: 'error', text: errorText(result.error) });
    }
    setBusy(null);
  }

  return (
    <Section title={t('documents.output.title')}>
      <p className="utrecht-paragraph app-document-hint">{t('documents.output.lead')}</p>
      <AudiencePicker
        value={audience}
        onChange={(next) => {
          setAudience(next);
          setChoice(NO_OVERRIDE);
        }}
      />
      {preview.error && <Alert type="error">{errorText(preview.error)}</Alert>}
      {preview.data && <SharingPreview summary={preview.data.sharing.summary} marking={preview.data.sharing.marking} choice={choice} onChoice={setChoice} />}
      {preview.data && preview.data.sharing.sectionsWithheld.length > 0 && (
        <Alert type="warning">
          {t('documents.sharing.sectionsWithheld', { sections: preview.data.sharing.sectionsWithheld.map((section) => t(`documents.sections.${section}`)).join(', ') })}
        </Alert>
      )}
      <div className="app-document-actions">
        <Button busy={busy === 'print'} disabled={!preview.data} onClick={() => void print()}>
          {t('documents.output.print')}
        </Button>
      </div>
      {(['pdf', 'docx'] as const).map((format) => (
        <div key={format} className="app-document-export">
          <PathField
            purpose="document-export"
            label={t(`documents.output.${format}Path`)}
            description={t('common.saveAsHint')}
            value={paths[format]}
            error={missing === format ? t('documents.output.pathRequired') : pathError?.format === format ? savePathError(pathError.error) : null}
            onValueChange={(value) => {
              setPaths((previous) => ({ ...previous, [format]: value }));
              if (occupied === format) setOccupied(null);
              if (pathError?.format === format) setPathError(null);
            }}
          />
          <Button appearance={format === 'pdf' ? 'primary' : 'secondary'} busy={busy === format} onClick={() => void write(format)}>
            {t(`documents.output.${format}Save`)}
          </Button>
          {occupied === format && (
            <Alert type="warning">
              {t('documents.output.exists', { path: paths[format].trim() })} <Button onClick={() => void write(format, true)}>{t('documents.output.overwrite')}</Button>
            </Alert>
          )}
        </div>
      ))}
      {message && <Alert type={message.type}>{message.text}</Alert>}
      {preview.data && <PrintArea document={document} print={preview.data} />}
    </Section>
  );
}

/**
 * What the browser prints: the text as the regime let it go to the chosen audience, with the
 * output's marking; hidden on screen (styles/documents.css, print.css).
 */
function PrintArea({ document, print }: { document: DocumentVersion; print: DocumentPrint }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const marks = `${t('documents.version.status')} · TLP:${print.sharing.marking} · ${document.document.dossierNumber} · ${t('documents.version.heading', { version: print.version })} · ${formatDate(document.version.savedAt, language)}`;
  return (
    <div className="app-print-area app-document-print" aria-hidden="true">
      <p className="app-document-print__marks">{marks}</p>
      <h1>{print.title}</h1>
      {PREWEEG_SECTIONS.map((section, index) => (
        <section key={section}>
          <h2>
            {index + 1}. {t(`documents.sections.${section}`)}
          </h2>
          <p className="app-document-print__text">{print.sections[section]}</p>
        </section>
      ))}
      <p className="app-document-print__marks app-document-print__marks--end">{marks}</p>
    </div>
  );
}
