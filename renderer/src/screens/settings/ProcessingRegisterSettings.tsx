import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../shared/api';
import { PROCESSING_REGISTER_FIELDS, type ProcessingRegister } from '../../../../shared/api/reports';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SaveFileForm } from '../../components/SaveFileForm';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';
import { fileDateStamp } from '../../format/date';
import { besideVault } from '../../format/path';
import { useSession } from '../../store/session';
import { SettingsSection } from './SettingsSection';
import { suggestedFileNames } from '../../../../shared/domain/file-names';
import { currentLanguage } from '../../i18n';

/** The art. 30 description of the processing: pre-filled by the core, edited here, saved in the vault, exported as a document. */
export function ProcessingRegisterSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const register = useCoreQuery('register.get', {});
  return (
    <SettingsSection title={t('reports.register.title')}>
      <p className="utrecht-paragraph">{t('reports.register.lead')}</p>
      {register.error && <Alert type="error">{errorText(register.error)}</Alert>}
      {register.data && <RegisterForm initial={register.data} />}
    </SettingsSection>
  );
}

function RegisterForm({ initial }: { initial: ProcessingRegister }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const vaultPath = useSession((state) => state.status.path);
  const [values, setValues] = useState<ProcessingRegister>(initial);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [format, setFormat] = useState<'markdown' | 'html'>('html');

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    setError(null);
    const result = await callCore('register.update', values);
    setBusy(false);
    if (result.ok) {
      setValues(result.value);
      setSaved(true);
    } else setError(result.error);
  }

  return (
    <>
      <form className="app-form app-register-form" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
        {PROCESSING_REGISTER_FIELDS.map((field) => (
          <TextAreaField
            key={field}
            label={t(`reports.register.fields.${field}`)}
            value={values[field]}
            rows={field === 'name' ? 1 : 5}
            onChange={(event) => {
              const value = event.target.value;
              setValues((current) => ({ ...current, [field]: value }));
              setSaved(false);
            }}
          />
        ))}
        {error && <Alert type="error">{errorText(error)}</Alert>}
        {saved && (
          <div role="status">
            <Alert type="ok">{t('reports.register.saved')}</Alert>
          </div>
        )}
        <Button type="submit" appearance="primary" busy={busy}>
          {t('reports.register.save')}
        </Button>
      </form>
      <h3 className="utrecht-heading-3">{t('reports.register.exportTitle')}</h3>
      <div className="app-form">
        <SelectField
          label={t('reports.register.format')}
          value={format}
          onChange={(event) => setFormat(event.target.value === 'markdown' ? 'markdown' : 'html')}
          options={[
            { value: 'html', label: t('reports.register.formats.html') },
            { value: 'markdown', label: t('reports.register.formats.markdown') },
          ]}
        />
      </div>
      <SaveFileForm
        key={format}
        initialPath={besideVault(vaultPath, suggestedFileNames(currentLanguage()).register(fileDateStamp(), format))}
        label={t('reports.register.path')}
        submitLabel={t('reports.register.exportSubmit')}
        savedText={(path) => t('reports.register.exported', { path })}
        existsText={t('reports.register.exists')}
        overwriteLabel={t('reports.register.overwrite')}
        pathRequiredText={t('reports.register.pathRequired')}
        save={(targetPath, overwrite) => callCore('register.export', { targetPath, format, overwrite })}
      />
    </>
  );
}
