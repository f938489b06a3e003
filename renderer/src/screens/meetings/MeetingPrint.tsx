import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PathField } from '../../components/PathField';
import { Section } from '../../components/Section';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';

type Part = 'agenda' | 'verslag';

/** The agenda before the meeting and the verslag after it, as PDF to a chosen path. */
export function MeetingPrint({ meetingId }: { meetingId: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [targetPath, setTargetPath] = useState('');
  const [busy, setBusy] = useState<Part | null>(null);
  const [occupied, setOccupied] = useState<Part | null>(null);
  const [missing, setMissing] = useState(false);
  const [message, setMessage] = useState<{ type: 'ok' | 'error'; text: string } | null>(null);

  async function write(part: Part, overwrite = false) {
    if (targetPath.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(part);
    setMessage(null);
    const result = await callCore('meeting.exportPdf', { meetingId, part, targetPath: targetPath.trim(), overwrite });
    setBusy(null);
    if (result.ok) {
      setOccupied(null);
      setMessage({ type: 'ok', text: t('meetings.print.written', { part: part === 'agenda' ? 'Agenda' : 'Verslag', path: result.value.path }) });
    } else if (result.error.code === 'FILE_EXISTS') setOccupied(part);
    else setMessage({ type: 'error', text: errorText(result.error) });
  }

  return (
    <Section title={t('meetings.print.title')}>
      <p className="utrecht-paragraph app-document-hint">{t('meetings.print.lead')}</p>
      <PathField
        purpose="document-export"
        label={t('meetings.print.path')}
        value={targetPath}
        error={missing ? t('meetings.print.pathRequired') : null}
        onValueChange={(value) => {
          setTargetPath(value);
          setOccupied(null);
        }}
      />
      <div className="app-document-actions">
        {(['agenda', 'verslag'] as const).map((part) => (
          <Button key={part} busy={busy === part} onClick={() => void write(part)}>
            {t(`meetings.print.${part}`)}
          </Button>
        ))}
      </div>
      {occupied && (
        <Alert type="warning">
          {t('meetings.print.exists', { path: targetPath.trim() })} <Button onClick={() => void write(occupied, true)}>{t('meetings.print.overwrite')}</Button>
        </Alert>
      )}
      {message && <Alert type={message.type}>{message.text}</Alert>}
    </Section>
  );
}
