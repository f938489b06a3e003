import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDutchDate } from '../../../shared/domain/validation';
import { validationMessages } from '../../../shared/i18n/validation';
import { formatDate } from '../format/date';
import { currentLanguage } from '../i18n';
import { TextField } from './TextField';

interface DateFieldProps extends Omit<ComponentProps<typeof TextField>, 'value' | 'onChange' | 'inputMode' | 'label' | 'description'> {
  label: string;
  description?: string;
  /** What the user typed (or what toText made of a stored date). */
  value: string;
  onChange(text: string): void;
  /** Leave out the "Als dd-mm-jjjj" hint where the label names the notation already. */
  hint?: boolean;
}

/**
 * The one date input of the app: a date typed as the user writes it, dd-mm-jjjj (the usual Dutch
 * notation; ISO is taken too), read by the one parser (useDateText → shared parseDutchDate) and
 * stored as ISO 8601. A text field rather than <input type="date">, whose format follows the
 * browser's language instead of the app's and which reads badly with a screen reader.
 */
export function DateField({ label, description, value, onChange, hint = true, inputClassName, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  const hintText = hint ? t('dossiers.date.hint') : undefined;
  return (
    <TextField
      autoComplete="off"
      spellCheck={false}
      {...props}
      label={label}
      description={[description, hintText].filter(Boolean).join(' ') || undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      inputMode="numeric"
      inputClassName={inputClassName ?? 'app-dossier-textbox--date'}
    />
  );
}

export type ParsedDate = { ok: true; value: string | null } | { ok: false; message: string };

/** Between the stored ISO date and the text in a DateField, in the current language. */
export function useDateText() {
  const language = currentLanguage();
  return {
    toText: (iso: string | null | undefined): string => (iso ? formatDate(iso, language) : ''),
    /** Empty is null (no date); anything else must be an existing date. */
    parse: (text: string): ParsedDate => {
      if (text.trim() === '') return { ok: true, value: null };
      const parsed = parseDutchDate(text);
      return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, message: validationMessages[language]['date.invalid'] };
    },
  };
}
