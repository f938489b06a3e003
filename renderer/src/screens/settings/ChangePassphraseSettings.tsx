import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { checkNewPassphrase, NewPassphraseFields, type NewPassphraseValue } from '../../components/NewPassphraseFields';
import { PassphraseField } from '../../components/PassphraseField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { SettingsSection } from './SettingsSection';

const EMPTY: NewPassphraseValue = { passphrase: '', repeat: '' };

export function ChangePassphraseSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState<NewPassphraseValue>(EMPTY);
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAttempted(true);
    setDone(false);
    setError(null);
    const problems = checkNewPassphrase(next);
    if (current === '' || problems.passphrase || problems.repeat) return;
    setBusy(true);
    const result = await callCore('vault.changePassphrase', { currentPassphrase: current, newPassphrase: next.passphrase });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    // Nothing of a passphrase stays in the form once it is used.
    setCurrent('');
    setNext(EMPTY);
    setAttempted(false);
    setDone(true);
  }

  return (
    <SettingsSection title={t('settings.changePassphrase.title')}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        <PassphraseField
          label={t('settings.changePassphrase.currentLabel')}
          autoComplete="current-password"
          value={current}
          onValueChange={setCurrent}
          error={attempted && current === '' ? t('common.passphraseRequired') : null}
          aria-required
        />
        <NewPassphraseFields
          label={t('settings.changePassphrase.newLabel')}
          repeatLabel={t('settings.changePassphrase.repeatLabel')}
          value={next}
          onChange={setNext}
          showProblems={attempted}
        />
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {done && <Alert type="ok">{t('settings.changePassphrase.done')}</Alert>}
        <Button type="submit" appearance="primary" busy={busy} busyLabel={t('settings.changePassphrase.busy')}>
          {t('settings.changePassphrase.submit')}
        </Button>
      </form>
    </SettingsSection>
  );
}
