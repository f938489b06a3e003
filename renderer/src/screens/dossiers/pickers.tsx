import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Phenomenon, PhenomenonRef } from '../../../../shared/api';
import type { Partner } from '../../../../shared/domain/enums';
import { CheckboxField } from '../../components/CheckboxField';
import type { SelectOption } from '../../components/SelectField';
import { useCoreQuery } from '../../components/useCoreQuery';
import { useDomainOptions } from '../../components/useDomainOptions';
import { phenomenonName } from '../../format/phenomenon';

/** A phenomenon with its sub-forms, in the vault's order. */
export interface PhenomenonGroup {
  phenomenon: Phenomenon;
  subForms: Phenomenon[];
}

export function groupPhenomena(phenomena: readonly Phenomenon[]): PhenomenonGroup[] {
  const groups = phenomena.filter((item) => item.parentId === null).map((phenomenon) => ({ phenomenon, subForms: [] as Phenomenon[] }));
  const byId = new Map(groups.map((group) => [group.phenomenon.id, group]));
  for (const item of phenomena) if (item.parentId !== null) byId.get(item.parentId)?.subForms.push(item);
  return groups;
}

/** The vault's editable list of phenomena, grouped. Empty while it loads. */
export function usePhenomena(): PhenomenonGroup[] {
  const { data } = useCoreQuery('phenomenon.list', {});
  return data ? groupPhenomena(data) : [];
}

/** Choices for a select: each phenomenon, its sub-forms indented under it (an en space survives where a plain one would not). */
export function phenomenonOptions(groups: readonly PhenomenonGroup[]): SelectOption[] {
  return groups.flatMap(({ phenomenon, subForms }) => [
    { value: String(phenomenon.id), label: phenomenonName(phenomenon) },
    ...subForms.map((subForm) => ({ value: String(subForm.id), label: `\u2002\u2002${phenomenonName(subForm)}` })),
  ]);
}

/** "Drugs: Hennepteelt" for a sub-form, so that a list of a dossier's phenomena reads on its own. */
export function phenomenonLabel(phenomenon: PhenomenonRef, groups: readonly PhenomenonGroup[]): string {
  if (phenomenon.parentId === null) return phenomenonName(phenomenon);
  const parent = groups.find((group) => group.phenomenon.id === phenomenon.parentId)?.phenomenon;
  return parent ? `${phenomenonName(parent)}: ${phenomenonName(phenomenon)}` : phenomenonName(phenomenon);
}

function toggled<T>(values: readonly T[], value: T, on: boolean): T[] {
  return on ? [...values.filter((item) => item !== value), value] : values.filter((item) => item !== value);
}

/** Checkboxes for a dossier's phenomena: each phenomenon with its sub-forms under it, in a box that scrolls. */
export function PhenomenaPicker({ value, onChange, error }: { value: readonly number[]; onChange(ids: number[]): void; error?: string | null }) {
  const { t } = useTranslation();
  const groups = usePhenomena();
  const errorId = useId();
  return (
    <fieldset className="utrecht-form-fieldset app-dossier-picker" aria-describedby={error ? errorId : undefined}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t('dossiers.fields.phenomena')}</legend>
      {error && (
        <div className="utrecht-form-field-error-message" id={errorId} role="alert">
          {error}
        </div>
      )}
      <ul className="app-dossier-picker__list app-dossier-picker__list--scroll">
        {groups.map(({ phenomenon, subForms }) => (
          <li key={phenomenon.id}>
            <CheckboxField
              label={phenomenonName(phenomenon)}
              checked={value.includes(phenomenon.id)}
              onChange={(event) => onChange(toggled(value, phenomenon.id, event.target.checked))}
            />
            {subForms.length > 0 && (
              <ul className="app-dossier-picker__sublist">
                {subForms.map((subForm) => (
                  <li key={subForm.id}>
                    <CheckboxField
                      label={phenomenonName(subForm)}
                      checked={value.includes(subForm.id)}
                      onChange={(event) => onChange(toggled(value, subForm.id, event.target.checked))}
                    />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** Checkboxes for the partners involved in a dossier, in columns. */
export function PartnerPicker({ value, onChange }: { value: readonly Partner[]; onChange(partners: Partner[]): void }) {
  const { t } = useTranslation();
  const { partners } = useDomainOptions();
  return (
    <fieldset className="utrecht-form-fieldset app-dossier-picker">
      <legend className="utrecht-form-fieldset__legend utrecht-form-label">{t('dossiers.fields.partners')}</legend>
      <ul className="app-dossier-picker__list app-dossier-picker__list--columns">
        {partners.map((option) => (
          <li key={option.value}>
            <CheckboxField label={option.label} checked={value.includes(option.value)} onChange={(event) => onChange(toggled(value, option.value, event.target.checked))} />
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
