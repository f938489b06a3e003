import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_MINUTES_MAX, AUTO_LOCK_MINUTES_MIN, type ApiError, type VaultSettings } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { useSettings } from '../../store/settings';
import { SettingsSection } from './SettingsSection';

export function AutoLockSettings({ settings }: { settings: VaultSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useSettings((state) => state.update);
  const [minutes, setMinutes] = useState(String(settings.autoLockMinutes));
  const [outOfRange, setOutOfRange] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const range = { min: AUTO_LOCK_MINUTES_MIN, max: AUTO_LOCK_MINUTES_MAX };

  // The form fires this without awaiting: update() never rejects, a failure comes back as the problem it returns.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setError(null);
    const value = Number(minutes);
    if (!Number.isInteger(value) || value < AUTO_LOCK_MINUTES_MIN || value > AUTO_LOCK_MINUTES_MAX) {
      setOutOfRange(true);
      return;
    }
    const problem = await update({ autoLockMinutes: value });
    if (problem) setError(problem);
    else setSaved(value);
  }

  return (
    <SettingsSection title={t('settings.autoLock.title')}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('settings.autoLock.label')}
          description={t('settings.autoLock.description', range)}
          error={outOfRange ? t('settings.autoLock.outOfRange', range) : null}
          type="number"
          inputMode="numeric"
          min={AUTO_LOCK_MINUTES_MIN}
          max={AUTO_LOCK_MINUTES_MAX}
          step={1}
          value={minutes}
          onChange={(event) => {
            setMinutes(event.target.value);
            setOutOfRange(false);
          }}
          inputClassName="utrecht-textbox--numeric app-textbox--short"
        />
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {saved !== null && <Alert type="ok">{t('settings.autoLock.saved', { minutes: saved })}</Alert>}
        <Button type="submit" appearance="secondary">
          {t('settings.autoLock.submit')}
        </Button>
      </form>
    </SettingsSection>
  );
}
