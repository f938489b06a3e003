import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  label: string;
  description?: string;
  error?: string | null;
  /** Extra content under the input (e.g. a strength meter), described by the input too. */
  after?: ReactNode;
  afterId?: string;
  /**
   * Content beside the input (e.g. a show/hide button). A function receives the label's id, so
   * that a button there can point to the field it belongs to.
   */
  inline?: ReactNode | ((ids: { labelId: string }) => ReactNode);
  inputClassName?: string;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Label, description and error tied to the input, in the NL Design System form-field structure.
 * Forms validate in code and say so in words; native `required` is avoided because the Utrecht
 * styles mark an emptied field red (:user-invalid) even after a successful submit.
 */
export function TextField({ label, description, error, after, afterId, inline, inputClassName, inputRef, ...inputProps }: TextFieldProps) {
  const inputId = useId();
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const labelId = `${inputId}-label`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null, afterId ?? null].filter(Boolean).join(' ');
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={inputId} id={labelId}>
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
      <div className="utrecht-form-field__input app-input-row">
        <input
          {...inputProps}
          ref={inputRef}
          id={inputId}
          className={`utrecht-textbox utrecht-textbox--html-input${error ? ' utrecht-textbox--invalid' : ''}${inputClassName ? ` ${inputClassName}` : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
        {typeof inline === 'function' ? inline({ labelId }) : inline}
      </div>
      {after}
    </div>
  );
}
