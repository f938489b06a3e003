import { useId, useState } from 'react';
import type { ApiError } from '../../../../shared/api';
import { suggestedFileNames } from '../../../../shared/domain/file-names';
import { useTranslation } from 'react-i18next';
import { INFORMATIEPLEIN_AUDIENCE, type OutputAudience } from '../../../../shared/api';
import { withheldLines } from '../../../../shared/i18n/sharing';
import { currentLanguage } from '../../i18n';
import { AudiencePicker } from './AudiencePicker';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PathField, useSavePathError } from '../../components/PathField';
import { TextAreaField } from '../../components/TextAreaField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { besideVault } from '../../format/path';
import { useSession } from '../../store/session';

/**
 * The informatieplein signal sheet of a signal: the question to the partners, for whom (default:
 * the convenant partners at the informatieplein), and a one-page PDF with only what may go to
 * them; afterwards it says what was left out and why.
 */
export function SignalSheetSection({ signalId }: { signalId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const headingId = useId();
  const [question, setQuestion] = useState(() => t('documents.sheet.defaultQuestion'));
  const savePathError = useSavePathError();
  const vaultPath = useSession((state) => state.status.path);
  // A whole file name to start from (a folder typed instead gets this name inside it, in the core).
  const [targetPath, setTargetPath] = useState(() => besideVault(vaultPath, suggestedFileNames(currentLanguage()).signalSheet(signalId)));
  const [pathError, setPathError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const [occupied, setOccupied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);
  const [audience, setAudience] = useState<OutputAudience>(INFORMATIEPLEIN_AUDIENCE);
  const [leftOut, setLeftOut] = useState<string[]>([]);

  async function write(overwrite = false) {
    if (targetPath.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setPathError(null);
    setBusy(true);
    setMessage(null);
    setLeftOut([]);
    const result = await callCore('document.signalSheetPdf', { signalId, question: question.trim() || undefined, targetPath: targetPath.trim(), overwrite, audience });
    setBusy(false);
    if (result.ok) {
      setOccupied(false);
      setMessage({ type: 'ok', text: t('documents.sheet.written', { path: result.value.path, marking: result.value.summary.marking }) });
      setLeftOut(withheldLines(result.value.summary, currentLanguage()));
    } else if (result.error.code === 'FILE_EXISTS') setOccupied(true);
    else if (savePathError(result.error)) setPathError(result.error);
    else setMessage({ type: 'error', text: errorText(result.error) });
  }

  return (
    <section className="app-card signals-section" aria-labelledby={headingId}>
      <h2 className="utrecht-heading-2" id={headingId}>
        {t('documents.sheet.title')}
      </h2>
      <p className="utrecht-paragraph app-document-hint">{t('documents.sheet.lead')}</p>
      <AudiencePicker value={audience} onChange={setAudience} />
      <TextAreaField label={t('documents.sheet.question')} value={question} rows={3} maxLength={2000} onChange={(event) => setQuestion(event.target.value)} />
      <PathField
        purpose="document-export"
        label={t('documents.output.pdfPath')}
        description={t('common.saveAsHint')}
        value={targetPath}
        error={missing ? t('documents.output.pathRequired') : savePathError(pathError)}
        onValueChange={(value) => {
          setTargetPath(value);
          setOccupied(false);
          setPathError(null);
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
      {leftOut.length > 0 && (
        <div className="app-document-sharing" role="note" aria-label={t('documents.sharing.title')}>
          <strong>{t('documents.sharing.title')}</strong>
          <ul>
            {leftOut.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
