import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canChangeStatus, DOSSIER_STATUSES, FINAL_DOSSIER_STATUSES, PHENOMENON_SEEDS, SEEDED_PHENOMENON_CODES, STATUS_TRANSITIONS } from '../../shared/domain/enums';
import { DOSSIER_STATUS_LABELS_NL, PHENOMENON_LABELS_NL } from '../../shared/domain/labels-nl';
import {
  formatDutchDate,
  formatIban,
  formatKenteken,
  formatPostcode,
  ibanSchema,
  isIsoDate,
  optionalIdentifierSchema,
  parseDutchDate,
  passesElfproef,
  postcodeSchema,
  validateBagId,
  validateBsn,
  validateEmail,
  validateIban,
  validateKenteken,
  validateKvkNumber,
  validatePhone,
  validatePostcode,
  validateVestigingsnummer,
  VALIDATION_CODES,
} from '../../shared/domain/validation';
import { validationMessages } from '../../shared/i18n/validation';

/**
 * A fictional IBAN with correct check digits, computed here independently of the code under test
 * (BigInt instead of the chunked remainder), so no real account number appears in the tests.
 */
function makeIban(country: string, bban: string): string {
  const numeric = [...`${bban}${country}00`].map((character) => Number.parseInt(character, 36).toString()).join('');
  const check = 98n - (BigInt(numeric) % 97n);
  return `${country}${check.toString().padStart(2, '0')}${bban}`;
}

const FICTIONAL_NL_IBAN = makeIban('NL', 'TEST0123456789');

describe('postcode', () => {
  it('normalises to four digits and two capitals without a space', () => {
    expect(validatePostcode('1234 ab')).toEqual({ ok: true, value: '1234AB' });
    expect(validatePostcode(' 9999zz ')).toEqual({ ok: true, value: '9999ZZ' });
    expect(validatePostcode('1234  Ab')).toEqual({ ok: true, value: '1234AB' });
    expect(formatPostcode('1234AB')).toBe('1234 AB');
  });

  it('refuses a leading 0, wrong shapes and the letters SA, SD, SS', () => {
    for (const typed of ['0123 AB', '123 AB', '12345 AB', '1234 A', '1234 A1', 'AB 1234', '']) {
      expect(validatePostcode(typed), typed).toEqual({ ok: false, reason: 'postcode.invalid' });
    }
    for (const typed of ['1234 SA', '1234sd', '1234 ss']) {
      expect(validatePostcode(typed), typed).toEqual({ ok: false, reason: 'postcode.reserved-letters' });
    }
  });
});

describe('BSN', () => {
  it('passes the elfproef for fictional test numbers', () => {
    expect(passesElfproef('111222333')).toBe(true);
    expect(passesElfproef('123456782')).toBe(true);
    expect(validateBsn('111 222 333')).toEqual({ ok: true, value: '111222333' });
    expect(validateBsn('1112.22.333')).toEqual({ ok: true, value: '111222333' });
  });

  it('refuses a wrong check digit, all zeros and other lengths', () => {
    expect(validateBsn('111222334')).toEqual({ ok: false, reason: 'bsn.checksum' });
    expect(validateBsn('123456789')).toEqual({ ok: false, reason: 'bsn.checksum' });
    expect(validateBsn('000000000')).toEqual({ ok: false, reason: 'bsn.checksum' });
    expect(validateBsn('11122233')).toEqual({ ok: false, reason: 'bsn.invalid' });
    expect(validateBsn('1112223333')).toEqual({ ok: false, reason: 'bsn.invalid' });
    expect(validateBsn('11122233x')).toEqual({ ok: false, reason: 'bsn.invalid' });
  });
});

describe('KvK, vestigingsnummer and BAG id', () => {
  it('take eight, twelve and sixteen digits', () => {
    expect(validateKvkNumber('1234 5678')).toEqual({ ok: true, value: '12345678' });
    expect(validateKvkNumber('1234567')).toEqual({ ok: false, reason: 'kvk.invalid' });
    expect(validateKvkNumber('1234567a')).toEqual({ ok: false, reason: 'kvk.invalid' });
    expect(validateVestigingsnummer('0000 1234 5678')).toEqual({ ok: true, value: '000012345678' });
    expect(validateVestigingsnummer('12345678')).toEqual({ ok: false, reason: 'vestigingsnummer.invalid' });
    expect(validateBagId('0599010000000001')).toEqual({ ok: true, value: '0599010000000001' });
    expect(validateBagId('059901000000001')).toEqual({ ok: false, reason: 'bag-id.invalid' });
  });
});

describe('IBAN', () => {
  it('accepts a correct check digit in any country, normalising spaces and case', () => {
    expect(FICTIONAL_NL_IBAN).toHaveLength(18);
    expect(validateIban(formatIban(FICTIONAL_NL_IBAN).toLowerCase())).toEqual({ ok: true, value: FICTIONAL_NL_IBAN });
    const german = makeIban('DE', '100000000123456789');
    expect(validateIban(german)).toEqual({ ok: true, value: german });
    const belgian = makeIban('BE', '000123456789');
    expect(validateIban(belgian)).toEqual({ ok: true, value: belgian });
    // A country outside the length table is held to the general shape only.
    const brazilian = makeIban('BR', '00360305000010009795493P1');
    expect(validateIban(brazilian)).toEqual({ ok: true, value: brazilian });
  });

  it('refuses a wrong check digit, a wrong length and a malformed Dutch account', () => {
    const wrongCheck = FICTIONAL_NL_IBAN.slice(0, 2) + String((Number(FICTIONAL_NL_IBAN.slice(2, 4)) + 1) % 100).padStart(2, '0') + FICTIONAL_NL_IBAN.slice(4);
    expect(validateIban(wrongCheck)).toEqual({ ok: false, reason: 'iban.checksum' });
    const swapped = FICTIONAL_NL_IBAN.slice(0, 16) + FICTIONAL_NL_IBAN[17] + FICTIONAL_NL_IBAN[16];
    expect(validateIban(swapped)).toEqual({ ok: false, reason: 'iban.checksum' });
    expect(validateIban(makeIban('NL', 'TEST012345678'))).toEqual({ ok: false, reason: 'iban.length' });
    expect(validateIban(makeIban('NL', 'TES10123456789'))).toEqual({ ok: false, reason: 'iban.invalid' });
    expect(validateIban('NL')).toEqual({ ok: false, reason: 'iban.invalid' });
    expect(validateIban('1234 5678 9012 3456')).toEqual({ ok: false, reason: 'iban.invalid' });
  });
});

describe('kenteken', () => {
  it('accepts every side code with or without dashes and stores it compact in capitals', () => {
    const plates = [
      'AB-12-34',
      '12-34-AB',
      '12-AB-34',
      'AB-12-CD',
      'AB-CD-12',
      '12-AB-CD',
      '12-ABC-3',
      '1-ABC-23',
      'AB-123-C',
      'A-123-BC',
      'ABC-12-D',
      'A-12-BCD',
      '1-AB-234',
      '123-AB-4',
    ];
    for (const plate of plates) {
      const compact = plate.replace(/-/g, '');
      expect(validateKenteken(plate.toLowerCase()), plate).toEqual({ ok: true, value: compact });
      expect(validateKenteken(compact), plate).toEqual({ ok: true, value: compact });
      expect(formatKenteken(compact)).toBe(plate);
    }
  });

  it('refuses shapes that are no side code and dashes in the wrong place', () => {
    for (const typed of ['ABC123', '123ABC', 'AB-1-23C', 'AB12-3C', 'AB-123', 'AB-123-CD', 'AB_123_C', '']) {
      expect(validateKenteken(typed), typed).toEqual({ ok: false, reason: 'kenteken.invalid' });
    }
  });
});

describe('e-mail and phone', () => {
  it('normalise leniently', () => {
    expect(validateEmail('  Jan.Jansen@Voorbeeld.NL ')).toEqual({ ok: true, value: 'jan.jansen@voorbeeld.nl' });
    expect(validatePhone('06-12345678')).toEqual({ ok: true, value: '+31612345678' });
    expect(validatePhone('0031 6 1234 5678')).toEqual({ ok: true, value: '+31612345678' });
    expect(validatePhone('+31 (0)6 1234 5678')).toEqual({ ok: true, value: '+31612345678' });
    expect(validatePhone('+31 06 12345678')).toEqual({ ok: true, value: '+31612345678' });
    expect(validatePhone('020 - 123 45 67')).toEqual({ ok: true, value: '+31201234567' });
    expect(validatePhone('+32 2 123 45 67')).toEqual({ ok: true, value: '+3221234567' });
  });

  it('refuse what cannot be one', () => {
    for (const typed of ['jan', 'jan@', '@voorbeeld.nl', 'jan@localhost', 'jan jansen@voorbeeld.nl']) {
      expect(validateEmail(typed), typed).toEqual({ ok: false, reason: 'email.invalid' });
    }
    for (const typed of ['bel me', '112', '+31 6 1234 5678 9012 3456', '06-1234567a']) {
      expect(validatePhone(typed), typed).toEqual({ ok: false, reason: 'phone.invalid' });
    }
  });
});

describe('dates', () => {
  it('parse dd-mm-jjjj to ISO and format back, refusing days that do not exist', () => {
    expect(parseDutchDate('3-2-2026')).toEqual({ ok: true, value: '2026-02-03' });
    expect(parseDutchDate('03/02/2026')).toEqual({ ok: true, value: '2026-02-03' });
    expect(parseDutchDate('29-02-2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDutchDate('29-02-2025')).toEqual({ ok: false, reason: 'date.invalid' });
    expect(parseDutchDate('2026-02-03')).toEqual({ ok: true, value: '2026-02-03' });
    expect(parseDutchDate('14-03-1979')).toEqual({ ok: true, value: '1979-03-14' });
    expect(parseDutchDate('2025-02-29')).toEqual({ ok: false, reason: 'date.invalid' });
    expect(formatDutchDate('2026-02-03')).toBe('03-02-2026');
    expect(formatDutchDate('2026-02-03T10:00:00.000Z')).toBe('03-02-2026');
    expect(isIsoDate('2026-12-31')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-2-3')).toBe(false);
  });
});

describe('zod schemas', () => {
  const form = z.object({ postcode: postcodeSchema, iban: optionalIdentifierSchema(validateIban) }).strict();

  it('answer the field and a stable code that has a Dutch and an English sentence', () => {
    const result = form.safeParse({ postcode: '0123 AB' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['postcode'], message: 'postcode.invalid' });
    expect(ibanSchema.safeParse(FICTIONAL_NL_IBAN.replace(/\d$/, (digit) => String((Number(digit) + 1) % 10))).error?.issues[0]?.message).toBe('iban.checksum');
    for (const code of VALIDATION_CODES) {
      expect(validationMessages.nl[code], code).toBeTruthy();
      expect(validationMessages.en[code], code).toBeTruthy();
    }
  });

  it('return normalised values, and treat an empty optional field as none', () => {
    expect(form.parse({ postcode: '1234 ab', iban: '' })).toEqual({ postcode: '1234AB', iban: null });
    expect(form.parse({ postcode: '1234ab' })).toEqual({ postcode: '1234AB' });
    expect(form.parse({ postcode: '1234ab', iban: formatIban(FICTIONAL_NL_IBAN) })).toEqual({ postcode: '1234AB', iban: FICTIONAL_NL_IBAN });
  });
});

describe('domain vocabularies', () => {
  it('allow only transitions between known states, and every state is reachable and can be left', () => {
    const reached = new Set<string>(['ontvangen']);
    for (const [from, targets] of Object.entries(STATUS_TRANSITIONS)) {
      expect(DOSSIER_STATUSES).toContain(from);
      expect(targets.length).toBeGreaterThan(0);
      for (const to of targets) {
        expect(DOSSIER_STATUSES).toContain(to);
        expect(to).not.toBe(from);
        reached.add(to);
      }
    }
    expect([...reached].sort()).toEqual([...DOSSIER_STATUSES].sort());
    for (const status of DOSSIER_STATUSES) {
      if (!FINAL_DOSSIER_STATUSES.includes(status)) expect(canChangeStatus(status, 'afgesloten'), status).toBe(true);
    }
    expect(canChangeStatus('ontvangen', 'stuurploeg')).toBe(false);
    expect(canChangeStatus('preweeg_concept', 'stuurploeg')).toBe(false);
    expect(canChangeStatus('afgesloten', 'interventie')).toBe(false);
    expect(canChangeStatus('stuurploeg', 'aanpak')).toBe(true);
  });

  it('have a Dutch label for every state and seeded phenomenon', () => {
    for (const status of DOSSIER_STATUSES) expect(DOSSIER_STATUS_LABELS_NL[status]).toBeTruthy();
    for (const code of SEEDED_PHENOMENON_CODES) expect(PHENOMENON_LABELS_NL[code], code).toBeTruthy();
    expect(Object.keys(PHENOMENON_LABELS_NL).sort()).toEqual([...SEEDED_PHENOMENON_CODES].sort());
    expect(PHENOMENON_SEEDS.map((seed) => seed.code).slice(0, 5)).toEqual(['drugs', 'illegaal_gokken', 'arbeidsuitbuiting', 'milieu', 'zorgfraude']);
  });
});
