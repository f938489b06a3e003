import type { ReactNode, SelectHTMLAttributes } from 'react';
import { FormField } from './FormField';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className' | 'children'> {
  label: string;
  /** The choices; or `children` for anything richer (<optgroup>s). */
  options?: readonly SelectOption[];
  children?: ReactNode;
  description?: string;
  error?: string | null;
  /** An empty first choice ("— geen —") for optional fields. */
  emptyLabel?: string;
}

/** A labelled select, like TextField. */
export function SelectField({ label, options = [], children, description, error, emptyLabel, ...selectProps }: SelectFieldProps) {
  return (
    <FormField label={label} description={description} error={error}>
      {({ id, describedBy, invalid }) => (
        <select
          {...selectProps}
          id={id}
          className={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        >
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {children ??
            options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
        </select>
      )}
    </FormField>
  );
}
