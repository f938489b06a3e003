import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH, type ApiError } from '../../../shared/api';

/** The sentence for an error code from the core in the current language, with its details filled in. */
export function useErrorText(): (error: ApiError) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${error.code}`, { minimumLength: PASSPHRASE_MIN_LENGTH, ...error.details });
}
