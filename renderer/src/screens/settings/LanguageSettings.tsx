import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, VaultSettings } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { useErrorText } from '../../components/useErrorText';
import type { Language } from '../../i18n';
import { useSettings } from '../../store/settings';
import { SettingsSection } from './SettingsSection';

const LANGUAGES: Language[] = ['nl', 'en'];

export function LanguageSettings({ settings }: { settings: VaultSettings }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const update = useSettings((state) => state.update);
  const groupName = useId();
  const [language, setLanguage] = useState<Language>(settings.language);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  // The form fires this without awaiting: update() never rejects, a failure comes back as the problem it returns.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const problem = await update({ language });
    if (problem) setError(problem);
    else setSaved(true);
  }

  return (
    <SettingsSection title={t('settings.language.title')}>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('settings.language.legend')}</legend>
          {LANGUAGES.map((option) => (
            <div key={option} className="utrecht-form-field utrecht-form-field--radio app-radio-field">
              <input
                type="radio"
                id={`${groupName}-${option}`}
                name={groupName}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={language === option}
                onChange={() => setLanguage(option)}
              />
              {/* Each language is named in itself, and marked so that screen readers pronounce it right. */}
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${groupName}-${option}`} lang={option}>
                {t(`settings.language.${option}`)}
              </label>
            </div>
          ))}
        </fieldset>
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {saved && <Alert type="ok">{t('settings.language.saved')}</Alert>}
        <Button type="submit" appearance="secondary">
          {t('settings.language.submit')}
        </Button>
      </form>
    </SettingsSection>
  );
}
