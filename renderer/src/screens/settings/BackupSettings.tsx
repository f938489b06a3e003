import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { fileDateStamp } from '../../format/date';
import { siblingBackupPath } from '../../format/path';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../store/session';
import { SettingsSection } from './SettingsSection';

export function BackupSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vaultPath = useSession((state) => state.status.path);
  const [targetPath, setTargetPath] = useState(() =>
    vaultPath ? siblingBackupPath(vaultPath, t('settings.backup.defaultSuffix'), fileDateStamp()) : '',
  );
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ path: string; bytes: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setMade(null);
    setError(null);
    if (targetPath.trim() === '') return;
    setBusy(true);
    const result = await callCore('vault.backup', { targetPath: targetPath.trim() });
    setBusy(false);
    if (result.ok) setMade(result.value);
    else setError(result.error);
  }

  return (
    <SettingsSection title={t('settings.backup.title')}>
      <p className="utrecht-paragraph">{t('settings.backup.body')}</p>
      <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
        <TextField
          label={t('settings.backup.targetLabel')}
          description={t('settings.backup.targetDescription')}
          error={attempted && targetPath.trim() === '' ? t('settings.backup.targetRequired') : null}
          value={targetPath}
          onChange={(event) => setTargetPath(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {made && <Alert type="ok">{t('settings.backup.done', { path: made.path, size: formatBytes(made.bytes, currentLanguage()) })}</Alert>}
        <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('settings.backup.busy')}>
          {t('settings.backup.submit')}
        </Button>
      </form>
    </SettingsSection>
  );
}
