import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../shared/api';
import type { ValidationCode } from '../../../shared/domain/validation';
import { validationMessages } from '../../../shared/i18n/validation';
import { useErrorText } from './useErrorText';

export interface FieldErrorText {
  /** The sentence for `field` when the error is about that field (INVALID_INPUT, DATE_IN_FUTURE… with details.field), else null. */
  forField(error: ApiError | null, field: string): string | null;
  /** The sentence for an error that is not about one field shown in the form (or any other error). */
  general(error: ApiError | null, shownFields: readonly string[]): string | null;
}

function reasonText(error: ApiError, language: 'nl' | 'en'): string | null {
  const reason = error.details?.reason;
  if (typeof reason !== 'string') return null;
  return (validationMessages[language] as Record<string, string>)[reason as ValidationCode] ?? null;
}

/** Errors about one field's value: validation, a path that is no ordinary file, and dates the core checks against the clock or the history. */
const FIELD_ERROR_CODES = new Set<ApiError['code']>(['INVALID_INPUT', 'FILE_NOT_REGULAR', 'DATE_IN_FUTURE', 'DATE_BEFORE_LAST_CHANGE']);

/**
 * Validation errors from the core name the field (`details.field`, a path such as
 * `details.postcode`) and a stable reason code; this puts the reason's sentence beside its field,
 * and everything else in one general message.
 */
export function useFieldError(): FieldErrorText {
  const { i18n } = useTranslation();
  const errorText = useErrorText();
  const language = i18n.language === 'en' ? 'en' : 'nl';
  const fieldOf = (error: ApiError) => (FIELD_ERROR_CODES.has(error.code) && typeof error.details?.field === 'string' ? error.details.field : null);
  return {
    forField: (error, field) => {
      if (!error || fieldOf(error) !== field) return null;
      return reasonText(error, language) ?? errorText(error);
    },
    general: (error, shownFields) => {
      if (!error) return null;
      const field = fieldOf(error);
      if (field !== null && shownFields.includes(field)) return null;
      return reasonText(error, language) ?? errorText(error);
    },
  };
}
