import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Phenomenon } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';
import { callCore } from '../../core-client';
import { groupPhenomena } from '../signals/phenomena';
import { SettingsSection } from './SettingsSection';
import { phenomenonName } from '../../format/phenomenon';

/**
 * The vault's phenomena and sub-forms, and adding one. Nothing is renamed or removed here: signals
 * and dossiers are filed under these, and the yearly report counts by them.
 */
export function PhenomenaSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const fieldError = useFieldError();
  const phenomena = useCoreQuery('phenomenon.list', {});
  const [label, setLabel] = useState('');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const groups = groupPhenomena(phenomena.data ?? []);

  // The form fires this without awaiting: callCore never rejects, a failure comes back as a Result shown in the form.
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    setError(null);
    setBusy(true);
    const result = await callCore('phenomenon.add', { label, ...(parentId !== '' && { parentId: Number(parentId) }) });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const parent = groups.find((group) => group.phenomenon.id === result.value.parentId)?.phenomenon;
    setAdded(parent ? t('signals.phenomena.addedSubForm', { label: result.value.label, parent: parent.label }) : t('signals.phenomena.added', { label: result.value.label }));
    setLabel('');
    phenomena.reload();
  }

  // "Staat al in de lijst" is about the name the user typed: it goes beside that field.
  const labelError = fieldError.forField(error, 'label') ?? (error?.code === 'PHENOMENON_EXISTS' ? errorText(error) : null);
  const general = error?.code === 'PHENOMENON_EXISTS' ? null : fieldError.general(error, ['label', 'parentId']);

  return (
    <SettingsSection title={t('signals.phenomena.title')}>
      <p className="utrecht-paragraph">{t('signals.phenomena.lead')}</p>
      {phenomena.error && <Alert type="error">{errorText(phenomena.error)}</Alert>}
      {phenomena.data ? (
        <ul className="signals-phenomena" id={listId} aria-label={t('signals.phenomena.listLabel')}>
          {groups.map(({ phenomenon, subForms }) => (
            <li key={phenomenon.id} className="signals-phenomena__item">
              <span className="signals-phenomena__name">{phenomenon.label}</span>
              <EnglishName phenomenon={phenomenon} />
              {!phenomenon.isSeed && <span className="app-badge signals-phenomena__own">{t('signals.phenomena.own')}</span>}
              {subForms.length > 0 && (
                <ul className="signals-phenomena__subforms">
                  {subForms.map((subForm) => (
                    <li key={subForm.id}>
                      {subForm.label}
                      <EnglishName phenomenon={subForm} />
                      {!subForm.isSeed && <span className="app-badge signals-phenomena__own">{t('signals.phenomena.own')}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      ) : (
        !phenomena.error && <p className="utrecht-paragraph">{t('signals.phenomena.loading')}</p>
      )}
      <h3 className="utrecht-heading-3">{t('signals.phenomena.addTitle')}</h3>
      <form className="app-form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label={t('signals.phenomena.label')}
          error={labelError}
          value={label}
          onChange={(event) => setLabel(event.target.value)}
          maxLength={100}
          autoComplete="off"
        />
        <SelectField
          label={t('signals.phenomena.parent')}
          description={t('signals.phenomena.parentHint')}
          error={fieldError.forField(error, 'parentId')}
          emptyLabel={t('signals.phenomena.parentNone')}
          options={groups.map(({ phenomenon }) => ({ value: String(phenomenon.id), label: phenomenonName(phenomenon) }))}
          value={parentId}
          onChange={(event) => setParentId(event.target.value)}
        />
        {general && <Alert type="error">{general}</Alert>}
        {added && <Alert type="ok">{added}</Alert>}
        <Button type="submit" appearance="secondary" busy={busy}>
          {t('signals.phenomena.submit')}
        </Button>
      </form>
    </SettingsSection>
  );
}

/**
 * The list keeps the stored (Dutch, editable) name; in English a seeded phenomenon shows its
 * English name beside it, the one the rest of the English screens show.
 */
function EnglishName({ phenomenon }: { phenomenon: Phenomenon }) {
  const english = phenomenonName(phenomenon);
  if (english === phenomenon.label) return null;
  return (
    <span className="app-muted" lang="en">
      {' '}
      ({english})
    </span>
  );
}
