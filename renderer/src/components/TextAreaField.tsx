import type { Ref, TextareaHTMLAttributes } from 'react';
import { FormField } from './FormField';

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id' | 'className'> {
  label: string;
  description?: string;
  error?: string | null;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text field, like TextField. */
export function TextAreaField({ label, description, error, textareaRef, rows = 4, ...textareaProps }: TextAreaFieldProps) {
  return (
    <FormField label={label} description={description} error={error}>
      {({ id, describedBy, invalid }) => (
        <textarea
          {...textareaProps}
          ref={textareaRef}
          rows={rows}
          id={id}
          className={`utrecht-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FormField>
  );
}
