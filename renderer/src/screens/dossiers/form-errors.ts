import type { ApiError } from '../../../../shared/api';
import { useErrorText } from '../../components/useErrorText';
import { useFieldError } from '../../components/useFieldError';

export interface FormErrors {
  /** The sentence beside `field`: a validation failure of that field, or another error that names it (DATE_IN_FUTURE). */
  forField(field: string): string | null;
  /** The sentence above the buttons for an error that is about none of the form's fields. */
  general(): string | null;
}

/**
 * useFieldError for one form and its last error. Besides INVALID_INPUT, the core names a field
 * in `details.field` for rules it checks against the stored state (a date in the future, a
 * status date before the previous one); those go beside their field too.
 */
export function useFormErrors(error: ApiError | null, fields: readonly string[]): FormErrors {
  const fieldError = useFieldError();
  const errorText = useErrorText();
  const namedField = error && typeof error.details?.field === 'string' ? error.details.field : null;
  return {
    forField: (field) => {
      if (!error) return null;
      if (error.code === 'INVALID_INPUT') return fieldError.forField(error, field);
      return namedField === field ? errorText(error) : null;
    },
    general: () => {
      if (!error) return null;
      if (error.code === 'INVALID_INPUT') return fieldError.general(error, fields);
      return namedField !== null && fields.includes(namedField) ? null : errorText(error);
    },
  };
}
