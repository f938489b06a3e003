import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> {
  label: ReactNode;
  description?: string;
}

/** A checkbox with its label beside it (and an optional description under it), in the Utrecht form-field structure. */
export function CheckboxField({ label, description, ...inputProps }: CheckboxFieldProps) {
  const inputId = useId();
  const descriptionId = `${inputId}-description`;
  return (
    <div className="utrecht-form-field utrecht-form-field--checkbox app-dossier-checkbox">
      <input
        {...inputProps}
        type="checkbox"
        id={inputId}
        className="utrecht-checkbox utrecht-checkbox--html-input"
        aria-describedby={description ? descriptionId : undefined}
      />
      <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={inputId}>
        {label}
      </label>
      {description && (
        <div className="utrecht-form-field-description app-dossier-checkbox__description" id={descriptionId}>
          {description}
        </div>
      )}
    </div>
  );
}
