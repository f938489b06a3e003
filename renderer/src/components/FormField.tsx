import { useId, type ReactNode } from 'react';

/** What the control inside a FormField must carry to be tied to its label, description and error. */
export interface FormControlProps {
  id: string;
  labelId: string;
  /** For aria-describedby: the description, the error and any extra ids, or undefined. */
  describedBy: string | undefined;
  invalid: boolean;
}

interface FormFieldProps {
  label: string;
  description?: string;
  error?: string | null;
  /** Ids of more elements that describe the control (e.g. a strength meter under it). */
  describedByExtra?: string;
  /** Extra class of the row that holds the control (e.g. a control with a button beside it). */
  inputRowClassName?: string;
  /** Content under the control row. */
  after?: ReactNode;
  children(control: FormControlProps): ReactNode;
}

/**
 * Label, description and error message in the NL Design System form-field structure, tied to the
 * control by id and aria-describedby: the one place that layout lives for every kind of field.
 */
export function FormField({ label, description, error, describedByExtra, inputRowClassName, after, children }: FormFieldProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null, describedByExtra ?? null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id} id={labelId}>
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
      <div className={`utrecht-form-field__input${inputRowClassName ? ` ${inputRowClassName}` : ''}`}>{children({ id, labelId, describedBy, invalid: Boolean(error) })}</div>
      {after}
    </div>
  );
}
