import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PassphraseField } from '../../components/PassphraseField';
import { RecoveryKeyCard } from '../../components/RecoveryKeyCard';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { useRotatedRecoveryKey } from '../../store/rotated-recovery-key';
import { useSession } from '../../store/session';
import { SettingsSection } from './SettingsSection';

export function RecoveryKeySettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vaultName = useSession((state) => state.status.name);
  const [passphrase, setPassphrase] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const rotatedRecoveryKey = useRotatedRecoveryKey((state) => state.recoveryKey);

  // A key rotation replaces the recovery key: one shown here before it is no longer valid.
  useEffect(() => {
    if (rotatedRecoveryKey) setRecoveryKey(null);
  }, [rotatedRecoveryKey]);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setError(null);
    if (passphrase === '') return;
    setBusy(true);
    const result = await callCore('vault.showRecoveryKey', { passphrase });
    setBusy(false);
    setPassphrase('');
    setAttempted(false);
    if (result.ok) setRecoveryKey(result.value.recoveryKey);
    else setError(result.error);
  }

  return (
    <SettingsSection title={t('settings.showRecoveryKey.title')}>
      <p className="utrecht-paragraph app-no-print">{t('settings.showRecoveryKey.body')}</p>
      {recoveryKey ? (
        <>
          <RecoveryKeyCard recoveryKey={recoveryKey} vaultName={vaultName} />
          <Button appearance="subtle" className="app-no-print" onClick={() => setRecoveryKey(null)}>
            {t('settings.showRecoveryKey.hide')}
          </Button>
        </>
      ) : (
        <form className="app-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
          <PassphraseField
            label={t('settings.showRecoveryKey.passphraseLabel')}
            autoComplete="current-password"
            value={passphrase}
            onValueChange={setPassphrase}
            error={attempted && passphrase === '' ? t('common.passphraseRequired') : null}
            aria-required
          />
          {error && <Alert type="error">{errorText(error)}</Alert>}
          <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('settings.showRecoveryKey.busy')}>
            {t('settings.showRecoveryKey.submit')}
          </Button>
        </form>
      )}
    </SettingsSection>
  );
}
