import type { SubjectDetails, SubjectDetailsInput } from '../../../../shared/api/subject-details';
import { subjectDetailsSchema } from '../../../../shared/api/subject-details';
import type { InformationGrade, SourceGrade, SubjectType, TlpCode } from '../../../../shared/domain/enums';
import { DEFAULT_TLP, UNGRADED } from '../../../../shared/domain/enums';
import { defaultProvenance, type Provenance, type ProvenanceInput } from '../../../../shared/domain/sharing';
import { formatDutchDate, formatIban, formatKenteken, formatPostcode, parseDutchDate, VALIDATION_CODES, type ValidationCode } from '../../../../shared/domain/validation';

/**
 * The typed subject form as the user fills it in: every field a string, as typed. `toDetailsInput`
 * turns it into the API's input; `validateDetails` runs the same schema the core runs, so that every
 * invalid field gets its sentence at once (the core answers only the first one) and nothing is sent.
 */

/** The fields of each type, in the order the form shows them. */
export const SUBJECT_FIELDS = {
  person: ['name', 'birthDate', 'bsn'],
  organisation: ['name', 'kvkNumber', 'vestigingsnummer', 'legalForm'],
  address: ['postcode', 'houseNumber', 'houseNumberAddition', 'street', 'city', 'bagId', 'use'],
  vehicle: ['kenteken', 'description'],
  bank_account: ['iban', 'holderName'],
  phone: ['number'],
  email: ['address'],
} as const satisfies Record<SubjectType, readonly string[]>;

export type SubjectField = (typeof SUBJECT_FIELDS)[SubjectType][number];

/** Fields without which the type cannot be saved (an address needs postcode + number or street + place). */
export const REQUIRED_FIELDS: ReadonlySet<SubjectField> = new Set<SubjectField>(['name', 'kenteken', 'iban', 'number', 'address']);

export type SubjectFormValues = Partial<Record<SubjectField, string>>;

/** Field path (as the core names it: `details.bsn`) → reason code or other sentence key. */
export type FieldErrors = Partial<Record<string, ValidationCode>>;

const isValidationCode = (value: string): value is ValidationCode => (VALIDATION_CODES as readonly string[]).includes(value);

/** The form's strings for a stored subject: dates and identifiers as people write them. */
export function formValuesOf(details: SubjectDetails): SubjectFormValues {
  const values: SubjectFormValues = {};
  for (const field of SUBJECT_FIELDS[details.type] as readonly SubjectField[]) {
    const raw = (details as Record<string, unknown>)[field];
    if (raw === null || raw === undefined) continue;
    values[field] = displayValue(field, raw);
  }
  return values;
}

/** One stored field as shown (and as put back in the form): 1234AB → 1234 AB, ISO dates → dd-mm-jjjj. */
export function displayValue(field: SubjectField, raw: unknown): string {
  if (typeof raw === 'number') return String(raw);
  if (typeof raw !== 'string') return '';
  if (field === 'birthDate') return formatDutchDate(raw);
  if (field === 'postcode') return formatPostcode(raw);
  if (field === 'iban') return formatIban(raw);
  if (field === 'kenteken') return formatKenteken(raw);
  return raw;
}

/**
 * The API input for the form, or the fields the browser can already tell are wrong (a date that is
 * no date, a house number that is no number): those never reach the schema as numbers or ISO dates.
 */
export function toDetailsInput(type: SubjectType, values: SubjectFormValues): { input: SubjectDetailsInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const input: Record<string, unknown> = { type };
  for (const field of SUBJECT_FIELDS[type] as readonly SubjectField[]) {
    const text = (values[field] ?? '').trim();
    if (field === 'birthDate') {
      if (text === '') input[field] = null;
      else {
        const parsed = parseDutchDate(text);
        if (parsed.ok) input[field] = parsed.value;
        else errors[`details.${field}`] = parsed.reason;
      }
    } else if (field === 'houseNumber') {
      if (text === '') input[field] = null;
      else if (/^\d{1,5}$/.test(text)) input[field] = Number(text);
      else errors[`details.${field}`] = 'house-number.invalid';
    } else if (field === 'legalForm') {
      input[field] = text === '' ? null : text;
    } else if (REQUIRED_FIELDS.has(field)) {
      input[field] = text;
    } else {
      input[field] = text === '' ? null : text;
    }
  }
  return { input: input as SubjectDetailsInput, errors };
}

/** Every problem of the details, by field path, with the codes the core would answer. */
export function validateDetails(type: SubjectType, values: SubjectFormValues): { input: SubjectDetailsInput | null; errors: FieldErrors } {
  const { input, errors } = toDetailsInput(type, values);
  const parsed = subjectDetailsSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = ['details', ...issue.path.map(String)].join('.');
      if (errors[path]) continue;
      errors[path] = isValidationCode(issue.message) ? issue.message : 'text.required';
    }
  }
  return { input: Object.keys(errors).length === 0 ? input : null, errors };
}

/** A date field of a link (period): empty, or dd-mm-jjjj turned into ISO. */
export function parseOptionalDate(text: string): { ok: true; value: string | undefined } | { ok: false; reason: ValidationCode } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const parsed = parseDutchDate(trimmed);
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, reason: parsed.reason };
}

/** The grading and handling code every fact carries, as the form holds them. */
export interface WeighingValues {
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp: TlpCode;
}

export const DEFAULT_WEIGHING: WeighingValues = { sourceGrade: UNGRADED.sourceGrade, informationGrade: UNGRADED.informationGrade, tlp: DEFAULT_TLP };

/** The link's metadata as the form holds it (dates as typed). */
export interface LinkFormValues extends WeighingValues {
  validFrom: string;
  validUntil: string;
  source: string;
  /** Who supplied the link, under what basis, for what use. */
  provenance: Provenance;
}

export const EMPTY_LINK_FORM: LinkFormValues = { ...DEFAULT_WEIGHING, validFrom: '', validUntil: '', source: '', provenance: defaultProvenance(null, null) };

/** The link's API fields, or the period fields that are wrong. */
export function linkInputOf(values: LinkFormValues): {
  input: { validFrom?: string; validUntil?: string; source: string | null; provenance: ProvenanceInput } & WeighingValues;
  errors: FieldErrors;
} {
  const errors: FieldErrors = {};
  const from = parseOptionalDate(values.validFrom);
  const until = parseOptionalDate(values.validUntil);
  if (!from.ok) errors.validFrom = from.reason;
  if (!until.ok) errors.validUntil = until.reason;
  const validFrom = from.ok ? from.value : undefined;
  const validUntil = until.ok ? until.value : undefined;
  if (validFrom && validUntil && validFrom > validUntil) errors.validUntil = 'date.range';
  return {
    input: {
      ...(validFrom ? { validFrom } : {}),
      ...(validUntil ? { validUntil } : {}),
      source: values.source.trim() === '' ? null : values.source.trim(),
      sourceGrade: values.sourceGrade,
      informationGrade: values.informationGrade,
      tlp: values.tlp,
      provenance: { originator: values.provenance.originator, receivedUnder: values.provenance.receivedUnder, restriction: values.provenance.restriction },
    },
    errors,
  };
}
