import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOSSIER_SORTS, type ApiError } from '../../../../shared/api';
import { DOSSIER_STATUSES, type Priority, type TlpCode } from '../../../../shared/domain/enums';
import { Button } from '../../components/Button';
import { CheckboxField } from '../../components/CheckboxField';
import { DateField, useDateText } from '../../components/DateField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useDomainOptions } from '../../components/useDomainOptions';
import { useFieldError } from '../../components/useFieldError';
import { useSession } from '../../store/session';
import { activeFilterCount, useDossierListStore, type DossierSort } from './dossier-list-store';
import { phenomenonOptions, type PhenomenonGroup } from './pickers';

/** The fields of dossier.list the filter form shows, for errors that name one of them. */
export const FILTER_FIELDS = ['openedFrom', 'openedUntil', 'owner'] as const;

const OWNER_DELAY_MS = 300;

/** Filter and sort for the dossier list. Every change applies at once; the owner's name after a short pause in typing. */
export function DossierFilters({ phenomena, listError }: { phenomena: readonly PhenomenonGroup[]; listError: ApiError | null }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const options = useDomainOptions();
  const filter = useDossierListStore((state) => state.filter);
  const setFilter = useDossierListStore((state) => state.setFilter);
  const resetFilter = useDossierListStore((state) => state.resetFilter);
  const displayName = useSession((state) => state.status.displayName);
  const [owner, setOwner] = useState(filter.owner);

  // The store may be reset from outside (the "wis" button); the field follows.
  useEffect(() => setOwner(filter.owner), [filter.owner]);
  useEffect(() => {
    if (owner === filter.owner) return;
    const timer = setTimeout(() => setFilter({ owner }), OWNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, [owner, filter.owner, setFilter]);

  const statusSummary =
    filter.statuses.length === 0
      ? t('dossiers.filters.statusAll')
      : filter.statuses.length <= 2
        ? filter.statuses.map((status) => t(`domain.status.${status}`)).join(', ')
        : t('dossiers.filters.statusChosen', { count: filter.statuses.length });

  return (
    <section className="app-card app-dossier-filters" aria-labelledby="dossier-filters-title">
      <h2 className="app-visually-hidden" id="dossier-filters-title">
        {t('dossiers.filters.title')}
      </h2>
      <div className="app-dossier-filters__grid">
        <SelectField
          label={t('dossiers.filters.phenomenon')}
          description={t('dossiers.filters.phenomenonDescription')}
          options={phenomenonOptions(phenomena)}
          emptyLabel={t('dossiers.filters.any')}
          value={filter.phenomenonId === null ? '' : String(filter.phenomenonId)}
          onChange={(event) => setFilter({ phenomenonId: event.target.value === '' ? null : Number(event.target.value) })}
        />
        <SelectField
          label={t('dossiers.fields.priority')}
          options={options.priorities}
          emptyLabel={t('dossiers.filters.any')}
          value={filter.priority ?? ''}
          onChange={(event) => setFilter({ priority: event.target.value === '' ? null : (event.target.value as Priority) })}
        />
        <TextField
          label={t('dossiers.fields.owner')}
          list="dossier-owner-suggestions"
          autoComplete="off"
          value={owner}
          error={fieldError.forField(listError, 'owner')}
          onChange={(event) => setOwner(event.target.value)}
        />
        {displayName && (
          <datalist id="dossier-owner-suggestions">
            <option value={displayName} />
          </datalist>
        )}
        <SelectField
          label={t('dossiers.fields.tlp')}
          options={options.tlpCodes}
          emptyLabel={t('dossiers.filters.any')}
          value={filter.tlp ?? ''}
          onChange={(event) => setFilter({ tlp: event.target.value === '' ? null : (event.target.value as TlpCode) })}
        />
        <FilterDate
          label={t('dossiers.filters.openedFrom')}
          value={filter.openedFrom}
          onChange={(openedFrom) => setFilter({ openedFrom })}
          coreError={fieldError.forField(listError, 'openedFrom')}
        />
        <FilterDate
          label={t('dossiers.filters.openedUntil')}
          value={filter.openedUntil}
          onChange={(openedUntil) => setFilter({ openedUntil })}
          coreError={fieldError.forField(listError, 'openedUntil')}
        />
        <SelectField
          label={t('dossiers.filters.sort')}
          options={DOSSIER_SORTS.map((value) => ({ value, label: t(`dossiers.filters.sorts.${value}`) }))}
          value={filter.sort}
          onChange={(event) => setFilter({ sort: event.target.value as DossierSort })}
        />
        <SelectField
          label={t('dossiers.filters.direction')}
          options={[
            { value: 'asc', label: t('dossiers.filters.ascending') },
            { value: 'desc', label: t('dossiers.filters.descending') },
          ]}
          value={filter.direction}
          onChange={(event) => setFilter({ direction: event.target.value === 'asc' ? 'asc' : 'desc' })}
        />
      </div>
      <details className="app-dossier-filters__statuses">
        <summary>
          <span className="app-dossier-filters__summary-label">{t('dossiers.fields.status')}:</span> {statusSummary}
        </summary>
        <fieldset className="utrecht-form-fieldset">
          <legend className="app-visually-hidden">{t('dossiers.filters.statusLegend')}</legend>
          <ul className="app-dossier-picker__list app-dossier-picker__list--columns">
            {DOSSIER_STATUSES.map((status) => (
              <li key={status}>
                <CheckboxField
                  label={t(`domain.status.${status}`)}
                  checked={filter.statuses.includes(status)}
                  onChange={(event) => setFilter({ statuses: event.target.checked ? [...filter.statuses, status] : filter.statuses.filter((item) => item !== status) })}
                />
              </li>
            ))}
          </ul>
        </fieldset>
      </details>
      {activeFilterCount(filter) > 0 && (
        <Button appearance="subtle" className="app-dossier-filters__reset" onClick={resetFilter}>
          {t('dossiers.filters.reset')}
        </Button>
      )}
    </section>
  );
}

/**
 * A date filter: the list follows as soon as the text is a whole date (or empty); a text that is
 * not a date is said when the user leaves the field, and the list keeps its last filter meanwhile.
 */
function FilterDate({ label, value, onChange, coreError }: { label: string; value: string; onChange(iso: string): void; coreError: string | null }) {
  const dates = useDateText();
  const [text, setText] = useState(() => dates.toText(value));
  const [problem, setProblem] = useState<string | null>(null);

  // The store may be reset from outside (the "wis" button); the field follows.
  useEffect(() => {
    if (value === '') setText('');
  }, [value]);

  return (
    <DateField
      label={label}
      value={text}
      onChange={(next) => {
        setText(next);
        setProblem(null);
        const parsed = dates.parse(next);
        if (parsed.ok) onChange(parsed.value ?? '');
      }}
      onBlur={() => {
        const parsed = dates.parse(text);
        setProblem(parsed.ok ? null : parsed.message);
      }}
      error={problem ?? coreError}
    />
  );
}
