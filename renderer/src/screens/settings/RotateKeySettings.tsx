import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PassphraseField } from '../../components/PassphraseField';
import { RecoveryKeyCard } from '../../components/RecoveryKeyCard';
import { RecoveryKeyConfirmation } from '../../components/RecoveryKeyConfirmation';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { useJobs } from '../../store/jobs';
import { useRotatedRecoveryKey } from '../../store/rotated-recovery-key';
import { useSession } from '../../store/session';
import { SettingsSection } from './SettingsSection';

export function RotateKeySettings() {
  const { t } = useTranslation();
  const newRecoveryKey = useRotatedRecoveryKey((state) => state.recoveryKey);
  const confirmRecoveryKey = useRotatedRecoveryKey((state) => state.confirmed);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [confirmed, setConfirmed] = useState(false);
  return (
    <SettingsSection title={t('settings.rotateKey.title')} headingRef={headingRef}>
      {newRecoveryKey ? (
        <NewRecoveryKey
          recoveryKey={newRecoveryKey}
          onConfirmed={() => {
            confirmRecoveryKey();
            setConfirmed(true);
            // The card the focus was in is gone; the section heading is where the user still is.
            headingRef.current?.focus();
          }}
        />
      ) : (
        <RotateKeyForm confirmed={confirmed} onSubmitted={() => setConfirmed(false)} />
      )}
    </SettingsSection>
  );
}

function RotateKeyForm({ confirmed, onSubmitted }: { confirmed: boolean; onSubmitted(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const progress = useJobs((state) => state.progress['rotate-key']);
  const issued = useRotatedRecoveryKey((state) => state.issued);
  const [passphrase, setPassphrase] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setError(null);
    onSubmitted();
    if (passphrase === '') return;
    setBusy(true);
    const result = await callCore('vault.rotateKey', { passphrase });
    setBusy(false);
    setPassphrase('');
    setAttempted(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // Locked while the rotation ran: the key must not outlive the lock. The passphrase shows it again.
    if (useSession.getState().status.state === 'unlocked') issued(result.value.recoveryKey);
  }

  return (
    <>
      <p className="utrecht-paragraph">{t('settings.rotateKey.body')}</p>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
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
            {progress && progress.total > 0 && (
              <progress className="app-progress__bar" max={progress.total} value={progress.done} aria-label={t('settings.rotateKey.title')} />
            )}
          </div>
        )}
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {confirmed && <Alert type="ok">{t('settings.rotateKey.confirmed')}</Alert>}
        <Button type="submit" appearance="secondary" busy={busy} busyLabel={t('common.busy')}>
          {t('settings.rotateKey.submit')}
        </Button>
      </form>
    </>
  );
}

/**
 * The key the rotation issued, shown like at creation: the old one no longer opens the vault, so
 * the card stays (also when the user leaves the settings and comes back) until its last group is typed.
 */
function NewRecoveryKey({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed(): void }) {
  const { t } = useTranslation();
  const vaultName = useSession((state) => state.status.name);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // The card replaces the form the user just submitted: take the focus along, so that it is not lost.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <>
      <div className="app-no-print">
        <Alert type="ok">{t('settings.rotateKey.done')}</Alert>
        <h3 className="utrecht-heading-3 app-new-recovery-key__title" ref={headingRef} tabIndex={-1}>
          {t('settings.rotateKey.newKeyTitle')}
        </h3>
        <Alert type="warning">{t('settings.rotateKey.newKeyWarning')}</Alert>
        <p className="utrecht-paragraph">{t('recoveryKey.instruction')}</p>
      </div>
      <RecoveryKeyCard recoveryKey={recoveryKey} vaultName={vaultName} />
      <RecoveryKeyConfirmation recoveryKey={recoveryKey} headingLevel={3} submitLabel={t('settings.rotateKey.confirmSubmit')} onConfirmed={onConfirmed} />
    </>
  );
}
