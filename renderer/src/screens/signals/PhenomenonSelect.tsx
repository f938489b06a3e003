import type { SelectHTMLAttributes } from 'react';
import type { Phenomenon } from '../../../../shared/api/dossier-types';
import { SelectField } from '../../components/SelectField';
import { groupPhenomena } from './phenomena';
import { phenomenonName } from '../../format/phenomenon';

interface PhenomenonSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'children'> {
  label: string;
  phenomena: readonly Phenomenon[];
  /** The first, empty choice ("Alle fenomenen", "— nog niet bekend —"). */
  emptyLabel: string;
  /** The option for a phenomenon itself inside its group of sub-forms: "Drugs (algemeen)", "Drugs (alle vormen)". */
  groupLabel(label: string): string;
  description?: string;
  error?: string | null;
}

/**
 * A phenomenon or one of its sub-forms. A phenomenon with sub-forms becomes an <optgroup> that
 * holds the phenomenon itself first; one without stays a plain option, in the vault's order.
 * Type-ahead works on the labels as shown.
 */
export function PhenomenonSelect({ label, phenomena, emptyLabel, groupLabel, description, error, ...selectProps }: PhenomenonSelectProps) {
  return (
    <SelectField {...selectProps} label={label} description={description} error={error} emptyLabel={emptyLabel}>
      {groupPhenomena(phenomena).map(({ phenomenon, subForms }) =>
        subForms.length === 0 ? (
          <option key={phenomenon.id} value={phenomenon.id}>
            {phenomenonName(phenomenon)}
          </option>
        ) : (
          <optgroup key={phenomenon.id} label={phenomenonName(phenomenon)}>
            <option value={phenomenon.id}>{groupLabel(phenomenonName(phenomenon))}</option>
            {subForms.map((subForm) => (
              <option key={subForm.id} value={subForm.id}>
                {phenomenonName(subForm)}
              </option>
            ))}
          </optgroup>
        ),
      )}
    </SelectField>
  );
}
