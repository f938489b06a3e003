import type { FormatterModule } from 'i18next';
import { useTranslation } from 'react-i18next';

/**
 * Counts with thousands separators in the user's language: "100.000" in Dutch, "100,000" in English.
 * The one way a screen prints a count, directly (formatCount) or through i18next (countFormatter).
 */

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(language: string): Intl.NumberFormat {
  const locale = language.startsWith('en') ? 'en-GB' : 'nl-NL';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, useGrouping: true });
    formats.set(locale, format);
  }
  return format;
}

export function formatCount(count: number, language: string): string {
  return numberFormat(language).format(count);
}

/**
 * Interpolation keys whose numbers are counts. `count` is i18next's own (it picks the plural form);
 * the others are the counts the feature texts print under their own name. A key outside this list
 * (a year, an id, a version, a percentage) is printed as it is; `{{value, count}}` opts one in.
 */
export const COUNT_KEYS: ReadonlySet<string> = new Set([
  'count',
  'total',
  'shown',
  'searched',
  'entries',
  'dossiers',
  'signals',
  'subjects',
  'subjectLinks',
  'notes',
  'measures',
  'attachments',
  'links',
]);

/**
 * i18next's formatter, for `interpolation.alwaysFormat`: every whole number under a count key goes
 * through formatCount, so that no text has to spell a format and none can forget it. i18next offers
 * no other format by name here (no text used one), so this replaces its built-in formatter.
 */
export const countFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format(value, format, language, options) {
    const key = (options as { interpolationkey?: string } | undefined)?.interpolationkey;
    const isCount = format === 'count' || (format === undefined && key !== undefined && COUNT_KEYS.has(key));
    return isCount && typeof value === 'number' && Number.isInteger(value) ? formatCount(value, language ?? 'nl') : value;
  },
};

/** formatCount in the interface's language, for a screen that prints a count outside a text. */
export function useFormatCount(): (count: number) => string {
  const { i18n } = useTranslation();
  return (count) => formatCount(count, i18n.language);
}
