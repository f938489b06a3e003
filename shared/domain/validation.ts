import { z } from 'zod';
import { isIsoDate, isoDateFromDutch } from './dates';

/**
 * The validation rules Dutch users expect of postcodes, BSNs, KvK numbers, IBANs, kentekens and
 * dates. Each validator
 * takes what the user typed and answers the normalised value to store, or a stable reason code
 * that the UI and the CLI translate (shared/i18n/validation.ts). The zod schemas at the bottom
 * carry the same codes as their messages, so that an API call answers INVALID_INPUT with the field
 * and the reason.
 */

export const VALIDATION_CODES = [
  'text.required',
  'text.too-long',
  'postcode.invalid',
  'postcode.reserved-letters',
  'house-number.invalid',
  'bag-id.invalid',
  'bsn.invalid',
  'bsn.checksum',
  'kvk.invalid',
  'vestigingsnummer.invalid',
  'iban.invalid',
  'iban.length',
  'iban.checksum',
  'kenteken.invalid',
  'email.invalid',
  'phone.invalid',
  'date.invalid',
  'date.range',
  'address.incomplete',
  'reporter.anonymous',
  'closing-reason.not-closing',
  'merge.same-subject',
  'subject-link.self',
  'subject.type-fixed',
  'phenomenon.too-deep',
  'code.invalid',
  'override.reason-short',
  'organisation.unknown',
  'legal-basis.unknown',
  // Files the user names, and bundles (docs/bundle-format.md).
  'file.vault',
  'file.is-folder',
  'file.not-regular',
  'bundle.passphrase-short',
  'bundle.passphrase-required',
  'bundle.age-recipient',
  'bundle.fingerprint',
  'bundle.override-reason',
  'bundle.recipients-and-passphrase',
  'bundle.no-recipients',
  'bundle.manifest-hash',
  'bundle.unknown-dossier',
  'bundle.nothing-to-update',
  'bundle.partner-name',
] as const;
export type ValidationCode = (typeof VALIDATION_CODES)[number];

export type Validation = { ok: true; value: string } | { ok: false; reason: ValidationCode };

const valid = (value: string): Validation => ({ ok: true, value });
const invalid = (reason: ValidationCode): Validation => ({ ok: false, reason });

/** Spaces, dots and dashes people type inside numbers ("1234 56 789", "12.34.56.78"). */
const withoutSeparators = (raw: string) => raw.replace(/[\s.\-]/g, '');

// ── Postcode ────────────────────────────────────────────────────────────────────────────────

/** PostNL never issues these letter pairs (they recall the SS, SD and SA of the occupation). */
const RESERVED_POSTCODE_LETTERS = new Set(['SA', 'SD', 'SS']);

/** "1234 ab" → "1234AB": four digits, the first not 0, then two letters other than SA, SD, SS. */
export function validatePostcode(raw: string): Validation {
  const match = /^([1-9]\d{3})\s*([a-zA-Z]{2})$/.exec(raw.trim());
  if (!match) return invalid('postcode.invalid');
  const letters = match[2]!.toUpperCase();
  if (RESERVED_POSTCODE_LETTERS.has(letters)) return invalid('postcode.reserved-letters');
  return valid(match[1]! + letters);
}

/** "1234AB" → "1234 AB", as printed on letters. */
export function formatPostcode(normalised: string): string {
  return `${normalised.slice(0, 4)} ${normalised.slice(4)}`;
}

// ── BSN, KvK, vestigingsnummer ──────────────────────────────────────────────────────────────

/** The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros). */
export function passesElfproef(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < 8; index++) sum += (9 - index) * Number(digits[index]);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

export function validateBsn(raw: string): Validation {
  const digits = withoutSeparators(raw.trim());
  if (!/^\d{9}$/.test(digits)) return invalid('bsn.invalid');
  return passesElfproef(digits) ? valid(digits) : invalid('bsn.checksum');
}

export function validateKvkNumber(raw: string): Validation {
  const digits = withoutSeparators(raw.trim());
  return /^\d{8}$/.test(digits) ? valid(digits) : invalid('kvk.invalid');
}

export function validateVestigingsnummer(raw: string): Validation {
  const digits = withoutSeparators(raw.trim());
  return /^\d{12}$/.test(digits) ? valid(digits) : invalid('vestigingsnummer.invalid');
}

/** A BAG object id (verblijfsobject, pand, nummeraanduiding): sixteen digits. */
export function validateBagId(raw: string): Validation {
  const digits = withoutSeparators(raw.trim());
  return /^\d{16}$/.test(digits) ? valid(digits) : invalid('bag-id.invalid');
}

// ── IBAN ────────────────────────────────────────────────────────────────────────────────────

/**
 * IBAN lengths of the European countries (SWIFT IBAN registry), where an account in a dossier is
 * most likely to come from. Other countries are held to ISO 13616's general shape (15–34).
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AT: 20,
  BA: 20,
  BE: 16,
  BG: 22,
  CH: 21,
  CY: 28,
  CZ: 24,
  DE: 22,
  DK: 18,
  EE: 20,
  ES: 24,
  FI: 18,
  FR: 27,
  GB: 22,
  GI: 23,
  GR: 27,
  HR: 21,
  HU: 28,
  IE: 22,
  IS: 26,
  IT: 27,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  MC: 27,
  MT: 31,
  NL: 18,
  NO: 15,
  PL: 28,
  PT: 25,
  RO: 24,
  RS: 22,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  TR: 26,
  UA: 29,
};

/** ISO 7064 mod 97-10 over the rearranged IBAN, letters as 10..35, in chunks that stay exact. */
function ibanRemainder(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = Number.parseInt(character, 36);
    remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
  }
  return remainder;
}

/** "nl91 abna 0417 1643 00" → "NL91ABNA0417164300". */
export function validateIban(raw: string): Validation {
  const compact = raw.replace(/[\s\-]/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return invalid('iban.invalid');
  const expectedLength = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expectedLength !== undefined && compact.length !== expectedLength) return invalid('iban.length');
  // A Dutch BBAN is a four-letter bank code and ten digits.
  if (compact.startsWith('NL') && !/^NL\d{2}[A-Z]{4}\d{10}$/.test(compact)) return invalid('iban.invalid');
  return ibanRemainder(compact) === 1 ? valid(compact) : invalid('iban.checksum');
}

/** Groups of four, as on a bank card. */
export function formatIban(normalised: string): string {
  return normalised.replace(/(.{4})(?=.)/g, '$1 ');
}

// ── Kenteken ────────────────────────────────────────────────────────────────────────────────

/**
 * The Dutch side codes (sidecodes) 1–14 for cars, lorries and motorcycles: L is a letter, D a
 * digit, the dashes sit where the plate puts them. Earlier side codes are matched first.
 */
const KENTEKEN_SIDE_CODES = [
  'LL-DD-DD',
  'DD-DD-LL',
  'DD-LL-DD',
  'LL-DD-LL',
  'LL-LL-DD',
  'DD-LL-LL',
  'DD-LLL-D',
  'D-LLL-DD',
  'LL-DDD-L',
  'L-DDD-LL',
  'LLL-DD-L',
  'L-DD-LLL',
  'D-LL-DDD',
  'DDD-LL-D',
];

function sideCodeShape(value: string): string {
  return value.replace(/[A-Z]/g, 'L').replace(/\d/g, 'D');
}

function sideCodeOf(compact: string): string | undefined {
  const shape = sideCodeShape(compact);
  return KENTEKEN_SIDE_CODES.find((sideCode) => sideCode.replace(/-/g, '') === shape);
}

/** "ab-123-c" or "AB123C" → "AB123C". Dashes are optional, but where given they must be in place. */
export function validateKenteken(raw: string): Validation {
  const typed = raw.replace(/\s/g, '').toUpperCase();
  const compact = typed.replace(/-/g, '');
  if (!/^[A-Z0-9]{6}$/.test(compact)) return invalid('kenteken.invalid');
  const sideCode = sideCodeOf(compact);
  if (!sideCode) return invalid('kenteken.invalid');
  if (typed.includes('-') && sideCodeShape(typed) !== sideCode) return invalid('kenteken.invalid');
  return valid(compact);
}

/** "AB123C" → "AB-123-C". */
export function formatKenteken(normalised: string): string {
  const sideCode = sideCodeOf(normalised);
  if (!sideCode) return normalised;
  let position = 0;
  return [...sideCode].map((symbol) => (symbol === '-' ? '-' : normalised[position++])).join('');
}

// ── E-mail and phone (lenient: they identify, they are not delivered to) ────────────────────

export function validateEmail(raw: string): Validation {
  const address = raw.trim().toLowerCase();
  if (address.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(address)) return invalid('email.invalid');
  return valid(address);
}

/**
 * To an international form where it can be inferred: "06-12345678" → "+31612345678",
 * "0031 6 1234 5678" and "+31 (0)6 1234 5678" likewise. A number without a trunk or country prefix
 * is kept as typed (digits only): guessing its country would make false matches.
 */
export function validatePhone(raw: string): Validation {
  const typed = raw.trim().replace(/\(0\)/g, '');
  if (!/^\+?[\d\s.\-()/]+$/.test(typed)) return invalid('phone.invalid');
  const digits = typed.replace(/\D/g, '');
  let normalised: string;
  if (typed.startsWith('+')) normalised = `+${digits}`;
  else if (digits.startsWith('00')) normalised = `+${digits.slice(2)}`;
  else if (/^0[1-9]\d{8}$/.test(digits)) normalised = `+31${digits.slice(1)}`;
  else normalised = digits;
  // "+31 06 …": the Dutch trunk 0 does not belong after the country code.
  if (normalised.startsWith('+310')) normalised = `+31${normalised.slice(4)}`;
  const length = normalised.replace('+', '').length;
  return length >= 8 && length <= 15 ? valid(normalised) : invalid('phone.invalid');
}

// ── Dates: ISO 8601 stored, dd-mm-jjjj shown (the date module does the work) ──────────────

export { formatDutchDate, isIsoDate, localIsoDate } from './dates';

/** A typed date, dd-mm-jjjj ("3-2-2026", "03/02/2026", "03.02.2026") or ISO ("2026-02-03") → "2026-02-03": every date field reads through this. */
export function parseDutchDate(raw: string): Validation {
  const isoDate = isoDateFromDutch(raw);
  return isoDate === null ? invalid('date.invalid') : valid(isoDate);
}

// ── zod schemas with stable codes as messages ───────────────────────────────────────────────

type Validator = (raw: string) => Validation;

const MAX_IDENTIFIER_LENGTH = 100;

/** A required identifier: the validator's normalised value, or its reason code. */
export function identifierSchema(validate: Validator) {
  return z
    .string()
    .max(MAX_IDENTIFIER_LENGTH, 'text.too-long')
    .transform((raw, context) => {
      const result = validate(raw);
      if (result.ok) return result.value;
      context.issues.push({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    });
}

/**
 * An optional identifier in a form: left out (undefined: no change), or empty / null (null: none),
 * or valid. Empty fields arrive as "" from forms and must not fail as "invalid postcode".
 */
export function optionalIdentifierSchema(validate: Validator) {
  return z
    .string()
    .max(MAX_IDENTIFIER_LENGTH, 'text.too-long')
    .nullable()
    .optional()
    .transform((raw, context) => {
      if (raw === undefined) return undefined;
      if (raw === null || raw.trim() === '') return null;
      const result = validate(raw);
      if (result.ok) return result.value;
      context.issues.push({ code: 'custom', message: result.reason, input: raw });
      return z.NEVER;
    });
}

export const postcodeSchema = identifierSchema(validatePostcode);
export const bsnSchema = identifierSchema(validateBsn);
export const kvkNumberSchema = identifierSchema(validateKvkNumber);
export const vestigingsnummerSchema = identifierSchema(validateVestigingsnummer);
export const ibanSchema = identifierSchema(validateIban);
export const kentekenSchema = identifierSchema(validateKenteken);
export const emailSchema = identifierSchema(validateEmail);
export const phoneSchema = identifierSchema(validatePhone);

const isoDateValidator: Validator = (raw) => (isIsoDate(raw) ? valid(raw) : invalid('date.invalid'));
/** A calendar date as ISO 8601 (`2026-02-03`); the UI converts from dd-mm-jjjj with parseDutchDate. */
export const isoDateSchema = identifierSchema(isoDateValidator);
export const optionalIsoDateSchema = optionalIdentifierSchema(isoDateValidator);

/**
 * A file path the user gave, absolute or relative: the core resolves and checks it. Bounded like the
 * platforms' own limit; a NUL byte is never valid (the operating system would cut the path there).
 */
export const filePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => !value.includes('\0'), 'NUL in pad');

/** Required text, trimmed. */
export function requiredTextSchema(maxLength: number) {
  return z.string().trim().min(1, 'text.required').max(maxLength, 'text.too-long');
}

/** Optional text: undefined leaves it as it is, "" or null clears it. */
export function optionalTextSchema(maxLength: number) {
  return z
    .string()
    .trim()
    .max(maxLength, 'text.too-long')
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
}
