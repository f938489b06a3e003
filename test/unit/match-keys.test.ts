import { describe, expect, it } from 'vitest';
import { subjectDetailsSchema } from '../../shared/api/subject-details';
import { foldOrganisationName, foldPersonName, foldText } from '../../electron/core/dossiers/folding';
import { matchKeysFor } from '../../electron/core/dossiers/match-keys';
import { subjectLabel } from '../../electron/core/dossiers/subject-label';

const details = (input: unknown) => subjectDetailsSchema.parse(input);

describe('folding for matching', () => {
  it('folds case, diacritics, punctuation and spacing', () => {
    expect(foldText(" Café  d'Óude-Haven ")).toBe('cafe d oude haven');
    expect(foldText('B.V.')).toBe('bv');
  });

  it('makes one key of the ways a Dutch name is written', () => {
    const key = foldPersonName('Jan de Vries');
    for (const written of ['jan de vries', 'Vries, Jan de', 'VRIES, Ján', '  Jan   van de Vries ', 'Jan de Vries.']) expect(foldPersonName(written), written).toBe(key);
    expect(foldPersonName('Sjaak Janssen')).toBe(foldPersonName('Sjaak Jansen'));
    expect(foldPersonName('Piet Smidt')).toBe(foldPersonName('Piet Smit'));
    expect(foldPersonName('Kees van Rijn')).toBe(foldPersonName('Kees van Ryn'));
    expect(foldPersonName('Filip Dekker')).toBe(foldPersonName('Philip Dekker'));
    expect(foldPersonName('J. de Vries')).not.toBe(key);
    expect(foldPersonName('Jan de Vos')).not.toBe(key);
  });

  it('drops the legal form and the spaces of a company name', () => {
    expect(foldOrganisationName('Autohandel De Brug B.V.')).toBe(foldOrganisationName('auto handel de brug'));
    expect(foldOrganisationName('Fictief Holding BV')).not.toBe(foldOrganisationName('Fictief BV'));
  });
});

describe('match keys and labels per subject type', () => {
  it('derive the keys from the normalised details', () => {
    expect(matchKeysFor(details({ type: 'person', name: 'Jan de Vries', birthDate: '1980-01-31', bsn: '111222333' }))).toEqual([
      { kind: 'bsn', value: '111222333' },
      { kind: 'name_birth_date', value: 'jan vries|1980-01-31' },
    ]);
    expect(matchKeysFor(details({ type: 'person', name: 'Jan de Vries' }))).toEqual([]);
    expect(matchKeysFor(details({ type: 'address', postcode: '1234 ab', houseNumber: 12, houseNumberAddition: 'b', bagId: '0599010000000001' }))).toEqual([
      { kind: 'address', value: '1234AB|12' },
      { kind: 'bag_id', value: '0599010000000001' },
    ]);
    expect(matchKeysFor(details({ type: 'address', street: 'Industrieweg', houseNumber: 3, city: "'s-Hertogenbosch" }))).toEqual([
      { kind: 'address', value: 'industrieweg|3|s hertogenbosch' },
    ]);
    expect(matchKeysFor(details({ type: 'organisation', name: 'Fictief B.V.', kvkNumber: '12345678', vestigingsnummer: '000012345678' }))).toEqual([
      { kind: 'kvk', value: '12345678' },
      { kind: 'establishment', value: '000012345678' },
      { kind: 'organisation_name', value: 'fictief' },
    ]);
    expect(matchKeysFor(details({ type: 'vehicle', kenteken: '12-abc-3' }))).toEqual([{ kind: 'kenteken', value: '12ABC3' }]);
    expect(matchKeysFor(details({ type: 'email', address: 'Iemand@Voorbeeld.nl' }))).toEqual([{ kind: 'email', value: 'iemand@voorbeeld.nl' }]);
  });

  it('label a subject as the user would write it', () => {
    expect(subjectLabel(details({ type: 'address', postcode: '1234AB', houseNumber: 12, houseNumberAddition: '2' }))).toBe('1234 AB 12-2');
    expect(subjectLabel(details({ type: 'address', street: 'Dorpsstraat', houseNumber: 1, postcode: '1234AB', city: 'Fictiefdorp' }))).toBe(
      'Dorpsstraat 1, 1234 AB Fictiefdorp',
    );
    expect(subjectLabel(details({ type: 'vehicle', kenteken: 'AB123C' }))).toBe('AB-123-C');
  });
});
