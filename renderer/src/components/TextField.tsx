import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FormField } from './FormField';

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
 * A labelled text input. Forms validate in code and say so in words; native `required` is avoided
 * because the Utrecht styles mark an emptied field red (:user-invalid) even after a successful submit.
 */
export function TextField({ label, description, error, after, afterId, inline, inputClassName, inputRef, ...inputProps }: TextFieldProps) {
  return (
    <FormField label={label} description={description} error={error} describedByExtra={afterId} inputRowClassName="app-input-row" after={after}>
      {({ id, labelId, describedBy, invalid }) => (
        <>
          <input
            {...inputProps}
            ref={inputRef}
            id={id}
            className={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}${inputClassName ? ` ${inputClassName}` : ''}`}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
          {typeof inline === 'function' ? inline({ labelId }) : inline}
        </>
      )}
    </FormField>
  );
}
