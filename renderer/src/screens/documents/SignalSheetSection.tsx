import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PathField } from '../../components/PathField';
import { TextAreaField } from '../../components/TextAreaField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';

/** The informatieplein signal sheet of a signal: the question to the partners, and a one-page PDF. */
export function SignalSheetSection({ signalId }: { signalId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [question, setQuestion] = useState(() => t('documents.sheet.defaultQuestion'));
  const [targetPath, setTargetPath] = useState('');
  const [missing, setMissing] = useState(false);
  const [occupied, setOccupied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  async function write(overwrite = false) {
    if (targetPath.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    setMessage(null);
    const result = await callCore('document.signalSheetPdf', { signalId, question: question.trim() || undefined, targetPath: targetPath.trim(), overwrite });
    setBusy(false);
    if (result.ok) {
      setOccupied(false);
      setMessage({ type: 'ok', text: t('documents.sheet.written', { path: result.value.path }) });
    } else if (result.error.code === 'FILE_EXISTS') setOccupied(true);
    else setMessage({ type: 'error', text: errorText(result.error) });
  }

  return (
    <section className="app-card signals-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('documents.sheet.title')}
      </h2>
      <p className="utrecht-paragraph app-document-hint">{t('documents.sheet.lead')}</p>
      <TextAreaField label={t('documents.sheet.question')} value={question} rows={3} maxLength={2000} onChange={(event) => setQuestion(event.target.value)} />
      <PathField
        purpose="document-export"
        label={t('documents.output.pdfPath')}
        value={targetPath}
        error={missing ? t('documents.output.pathRequired') : null}
        onValueChange={(value) => {
          setTargetPath(value);
          setOccupied(false);
        }}
      />
      <div className="app-document-actions">
        <Button busy={busy} onClick={() => void write()}>
          {t('documents.sheet.save')}
        </Button>
      </div>
      {occupied && (
        <Alert type="warning">
          {t('documents.output.exists', { path: targetPath.trim() })} <Button onClick={() => void write(true)}>{t('documents.output.overwrite')}</Button>
        </Alert>
      )}
      {message && <Alert type={message.type}>{message.text}</Alert>}
    </section>
  );
}
