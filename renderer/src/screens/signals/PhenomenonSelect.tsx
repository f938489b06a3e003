import { useId, type SelectHTMLAttributes } from 'react';
import type { Phenomenon } from '../../../../shared/api/dossier-types';
import { groupPhenomena } from './phenomena';

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
  const selectId = useId();
  const descriptionId = `${selectId}-description`;
  const errorId = `${selectId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={selectId}>
          {label}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId} role="alert">
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">
        <select
          {...selectProps}
          id={selectId}
          className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        >
          <option value="">{emptyLabel}</option>
          {groupPhenomena(phenomena).map(({ phenomenon, subForms }) =>
            subForms.length === 0 ? (
              <option key={phenomenon.id} value={phenomenon.id}>
                {phenomenon.label}
              </option>
            ) : (
              <optgroup key={phenomenon.id} label={phenomenon.label}>
                <option value={phenomenon.id}>{groupLabel(phenomenon.label)}</option>
                {subForms.map((subForm) => (
                  <option key={subForm.id} value={subForm.id}>
                    {subForm.label}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </div>
    </div>
  );
}
