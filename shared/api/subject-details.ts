import { z } from 'zod';
import { LEGAL_FORMS } from '../domain/enums';
import {
  emailSchema,
  ibanSchema,
  kentekenSchema,
  optionalIdentifierSchema,
  optionalIsoDateSchema,
  optionalTextSchema,
  phoneSchema,
  requiredTextSchema,
  validateBagId,
  validateBsn,
  validateKvkNumber,
  validatePostcode,
  validateVestigingsnummer,
} from '../domain/validation';

/**
 * The typed fields of each kind of subject, one strict object per type with `type` as the
 * discriminator. The core stores the parsed (normalised) object as the subject's details and
 * parses it again when reading, so a stored subject always has this shape.
 */

const NAME_MAX = 200;
const TEXT_MAX = 500;

export const personDetailsSchema = z
  .object({
    type: z.literal('person'),
    name: requiredTextSchema(NAME_MAX),
    birthDate: optionalIsoDateSchema,
    bsn: optionalIdentifierSchema(validateBsn),
  })
  .strict();

export const organisationDetailsSchema = z
  .object({
    type: z.literal('organisation'),
    name: requiredTextSchema(NAME_MAX),
    kvkNumber: optionalIdentifierSchema(validateKvkNumber),
    vestigingsnummer: optionalIdentifierSchema(validateVestigingsnummer),
    legalForm: z.enum(LEGAL_FORMS).nullable().optional(),
  })
  .strict();

/** An address or premises: a Dutch postcode with house number, or at least a street with a place. */
export const addressDetailsSchema = z
  .object({
    type: z.literal('address'),
    postcode: optionalIdentifierSchema(validatePostcode),
    houseNumber: z.number('house-number.invalid').int('house-number.invalid').min(1, 'house-number.invalid').max(99_999, 'house-number.invalid').nullable().optional(),
    houseNumberAddition: optionalTextSchema(10).transform((addition) => (addition ? addition.toUpperCase() : addition)),
    street: optionalTextSchema(NAME_MAX),
    city: optionalTextSchema(NAME_MAX),
    bagId: optionalIdentifierSchema(validateBagId),
    /** What the premises are used for (woning, horeca, bedrijfspand, garagebox, ...). */
    use: optionalTextSchema(NAME_MAX),
  })
  .strict()
  .superRefine((address, context) => {
    const byPostcode = Boolean(address.postcode && address.houseNumber);
    const byStreet = Boolean(address.street && address.city);
    if (!byPostcode && !byStreet) {
      context.addIssue({ code: 'custom', message: 'address.incomplete', path: [address.postcode ? 'houseNumber' : 'postcode'] });
    }
  });

export const vehicleDetailsSchema = z
  .object({
    type: z.literal('vehicle'),
    kenteken: kentekenSchema,
    /** Make, model, colour: what the user saw or looked up. */
    description: optionalTextSchema(TEXT_MAX),
  })
  .strict();

export const bankAccountDetailsSchema = z
  .object({
    type: z.literal('bank_account'),
    iban: ibanSchema,
    /** The name the bank gives for the holder; the holder as a subject is a link (account_holder_of). */
    holderName: optionalTextSchema(NAME_MAX),
  })
  .strict();

export const phoneDetailsSchema = z.object({ type: z.literal('phone'), number: phoneSchema }).strict();

export const emailDetailsSchema = z.object({ type: z.literal('email'), address: emailSchema }).strict();

export const subjectDetailsSchema = z.discriminatedUnion('type', [
  personDetailsSchema,
  organisationDetailsSchema,
  addressDetailsSchema,
  vehicleDetailsSchema,
  bankAccountDetailsSchema,
  phoneDetailsSchema,
  emailDetailsSchema,
]);

/** As the user types them. */
export type SubjectDetailsInput = z.input<typeof subjectDetailsSchema>;
/** As stored and returned: normalised; a field left empty is null or absent. */
export type SubjectDetails = z.output<typeof subjectDetailsSchema>;
export type AddressDetails = z.output<typeof addressDetailsSchema>;
