import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { OverwriteQuestion } from '../../components/OverwriteQuestion';
import { PathField, useSavePathError } from '../../components/PathField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { formatBytes } from '../../format/bytes';
import { fileDateStamp } from '../../format/date';
import { besideVault, vaultNameOfPath } from '../../format/path';
import { currentLanguage } from '../../i18n';
import { useSession } from '../../store/session';
import { SettingsSection } from './SettingsSection';
import { suggestedFileNames } from '../../../../shared/domain/file-names';

export function BackupSettings() {
  const { t } = useTranslation();
  const savePathError = useSavePathError();
  const errorText = useErrorText();
  const vaultPath = useSession((state) => state.status.path);
  const [targetPath, setTargetPath] = useState(() =>
    vaultPath ? besideVault(vaultPath, suggestedFileNames(currentLanguage()).backup(vaultNameOfPath(vaultPath), fileDateStamp())) : '',
  );
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<{ path: string; bytes: number } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  /** The target the core found occupied: asked once, overwritten only on an explicit yes. */
  const [occupiedTarget, setOccupiedTarget] = useState<string | null>(null);
  const targetRef = useRef<HTMLInputElement>(null);

  async function makeBackup(target: string, overwrite: boolean) {
    setBusy(true);
    setMade(null);
    setError(null);
    const result = await callCore('vault.backup', overwrite ? { targetPath: target, overwrite: true } : { targetPath: target });
    setBusy(false);
    setOccupiedTarget(null);
    if (result.ok) setMade(result.value);
    else if (result.error.code === 'VAULT_EXISTS' && !overwrite) setOccupiedTarget(target);
    else setError(result.error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setOccupiedTarget(null);
    if (targetPath.trim() === '') return;
    void makeBackup(targetPath.trim(), false);
  }

  function cancelOverwrite() {
    setOccupiedTarget(null);
    targetRef.current?.focus();
  }

  return (
    <SettingsSection title={t('settings.backup.title')}>
      <p className="utrecht-paragraph">{t('settings.backup.body')}</p>
      <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
        <PathField
          purpose="backup"
          label={t('settings.backup.targetLabel')}
          description={t('settings.backup.targetDescription')}
          error={attempted && targetPath.trim() === '' ? t('settings.backup.targetRequired') : savePathError(error)}
          value={targetPath}
          onValueChange={(value) => {
            setTargetPath(value);
            if (savePathError(error)) setError(null);
            // The question was about the old target; a new one is asked about afresh.
            setOccupiedTarget(null);
          }}
          inputRef={targetRef}
        />
        {error && !savePathError(error) && <Alert type="error">{errorText(error)}</Alert>}
        {made && <Alert type="ok">{t('settings.backup.done', { path: made.path, size: formatBytes(made.bytes, currentLanguage()) })}</Alert>}
        {occupiedTarget ? (
          <OverwriteQuestion
            question={t('settings.backup.overwriteQuestion', { path: occupiedTarget })}
            explanation={t('settings.backup.overwriteExplanation')}
            overwriteLabel={t('settings.backup.overwrite')}
            busyLabel={t('settings.backup.busy')}
            busy={busy}
            onOverwrite={() => void makeBackup(occupiedTarget, true)}
            onCancel={cancelOverwrite}
          />
        ) : (
          <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('settings.backup.busy')}>
            {t('settings.backup.submit')}
          </Button>
        )}
      </form>
    </SettingsSection>
  );
}
