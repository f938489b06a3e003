import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ListedSubject } from '../../../../shared/api';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/TextField';
import { useErrorText } from '../../components/useErrorText';
import { callCore } from '../../core-client';

const RESULT_LIMIT = 25;

interface SubjectPickerProps {
  picked: ListedSubject | null;
  onPick(subject: ListedSubject | null): void;
  /** Subjects that may not be picked (the subject itself, when linking two subjects). */
  excludeIds?: readonly number[];
  error?: string | null;
  label?: string;
}

/**
 * Finding an existing subject by part of its label (subject.list `query`) and choosing one of the
 * results. Subjects known only as a protected reporter are left out: choosing one would name them.
 */
export function SubjectPicker({ picked, onPick, excludeIds = [], error, label }: SubjectPickerProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const groupName = useId();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ListedSubject[] | null>(null);
  const [total, setTotal] = useState(0);
  const [busy, setBusy] = useState(false);
  const [searchError, setSearchError] = useState<ApiError | null>(null);
  const [emptyQuery, setEmptyQuery] = useState(false);

  async function search() {
    setSearchError(null);
    if (query.trim() === '') {
      setEmptyQuery(true);
      return;
    }
    setEmptyQuery(false);
    setBusy(true);
    const answer = await callCore('subject.list', { query: query.trim(), limit: RESULT_LIMIT });
    setBusy(false);
    if (!answer.ok) {
      setSearchError(answer.error);
      return;
    }
    setResults(answer.value.items.filter((subject) => !subject.protected && !excludeIds.includes(subject.id)));
    setTotal(answer.value.total);
  }

  return (
    <div className="app-subject-picker">
      <TextField
        label={label ?? t('subjects.picker.label')}
        description={t('subjects.picker.description')}
        value={query}
        error={emptyQuery ? t('subjects.picker.queryRequired') : (error ?? null)}
        autoComplete="off"
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches here instead of submitting the whole form.
          if (event.key === 'Enter') {
            event.preventDefault();
            void search();
          }
        }}
        inline={
          <Button appearance="secondary" busy={busy} onClick={() => void search()}>
            {t('subjects.picker.search')}
          </Button>
        }
      />
      {searchError && <Alert type="error">{errorText(searchError)}</Alert>}
      <div aria-live="polite" id={resultsId}>
        {results !== null && results.length === 0 && <p className="utrecht-paragraph app-muted">{t('subjects.picker.none')}</p>}
        {results !== null && results.length > 0 && (
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset app-subject-picker__results">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
              {total > RESULT_LIMIT ? t('subjects.picker.resultsMore', { shown: RESULT_LIMIT, total }) : t('subjects.picker.results', { count: results.length })}
            </legend>
            {results.map((subject) => (
              <div key={subject.id} className="utrecht-form-field utrecht-form-field--radio app-radio-field">
                <input
                  type="radio"
                  id={`${groupName}-${subject.id}`}
                  name={groupName}
                  className="utrecht-radio-button utrecht-radio-button--html-input"
                  checked={picked?.id === subject.id}
                  onChange={() => onPick(subject)}
                />
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={`${groupName}-${subject.id}`}>
                  {subject.label} <span className="app-muted">({t(`domain.subjectType.${subject.type}`)})</span>
                </label>
              </div>
            ))}
          </fieldset>
        )}
      </div>
    </div>
  );
}
