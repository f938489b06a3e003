import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PassphraseField } from '../../components/PassphraseField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { useJobs } from '../../store/jobs';
import { SettingsSection } from './SettingsSection';

export function RotateKeySettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const progress = useJobs((state) => state.progress['rotate-key']);
  const [passphrase, setPassphrase] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setDone(false);
    setError(null);
    if (passphrase === '') return;
    setBusy(true);
    const result = await callCore('vault.rotateKey', { passphrase });
    setBusy(false);
    setPassphrase('');
    setAttempted(false);
    if (result.ok) setDone(true);
    else setError(result.error);
  }

  return (
    <SettingsSection title={t('settings.rotateKey.title')}>
      <p className="utrecht-paragraph">{t('settings.rotateKey.body')}</p>
      <form className="app-form" onSubmit={submit} noValidate aria-busy={busy}>
        <PassphraseField
          label={t('settings.rotateKey.passphraseLabel')}
          autoComplete="current-password"
          value={passphrase}
          onValueChange={setPassphrase}
          error={attempted && passphrase === '' ? t('common.passphraseRequired') : null}
          aria-required
        />
        {busy && (
          <div className="app-progress" role="status">
            <p className="utrecht-paragraph">{t('settings.rotateKey.busy')}</p>
            {progress && progress.total > 0 && <progress className="app-progress__bar" max={progress.total} value={progress.done} aria-label={t('settings.rotateKey.title')} />}
          </div>
        )}
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {done && <Alert type="ok">{t('settings.rotateKey.done')}</Alert>}
        <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('common.busy')}>
          {t('settings.rotateKey.submit')}
        </Button>
      </form>
    </SettingsSection>
  );
}
