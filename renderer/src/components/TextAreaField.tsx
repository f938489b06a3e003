import { useId, type Ref, type TextareaHTMLAttributes } from 'react';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  label: string;
  description?: string;
  error?: string | null;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text field, like TextField. */
export function TextAreaField({ label, description, error, textareaRef, rows = 4, ...textareaProps }: TextAreaFieldProps) {
  const fieldId = useId();
  const descriptionId = `${fieldId}-description`;
  const errorId = `${fieldId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className={`utrecht-form-field${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={fieldId}>
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
        <textarea
          {...textareaProps}
          ref={textareaRef}
          rows={rows}
          id={fieldId}
          className={`utrecht-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
        />
      </div>
    </div>
  );
}
