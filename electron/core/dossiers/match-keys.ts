import type { SubjectDetails } from '../../../shared/api/subject-details';
import type { MatchKeyKind } from '../../../shared/domain/enums';
import { foldOrganisationName, foldPersonName, foldText } from './folding';

export interface MatchKey {
  kind: MatchKeyKind;
  value: string;
}

/**
 * The normalised keys a subject is found by. The details are already normalised by their schema
 * (postcode "1234AB", kenteken "AB123C", IBAN without spaces), so most keys are the value itself.
 * A name only makes a person key together with the birth date: a name alone matches too many.
 * An address is keyed on postcode and house number without the addition, so that the flats of one
 * building (12-A, 12-B) show up together; the hint names what matched, and the user decides.
 */
export function matchKeysFor(details: SubjectDetails): MatchKey[] {
  const keys: MatchKey[] = [];
  const add = (kind: MatchKeyKind, value: string | null | undefined) => {
    if (value) keys.push({ kind, value });
  };
  switch (details.type) {
    case 'person':
      add('bsn', details.bsn);
      if (details.birthDate) add('name_birth_date', `${foldPersonName(details.name)}|${details.birthDate}`);
      break;
    case 'organisation':
      add('kvk', details.kvkNumber);
      add('establishment', details.vestigingsnummer);
      add('organisation_name', foldOrganisationName(details.name));
      break;
    case 'address':
      if (details.postcode && details.houseNumber) add('address', `${details.postcode}|${details.houseNumber}`);
      else if (details.street && details.city) add('address', `${foldText(details.street)}|${details.houseNumber ?? ''}|${foldText(details.city)}`);
      add('bag_id', details.bagId);
      break;
    case 'vehicle':
      add('kenteken', details.kenteken);
      break;
    case 'bank_account':
      add('iban', details.iban);
      break;
    case 'phone':
      add('phone', details.number);
      break;
    case 'email':
      add('email', details.address);
      break;
  }
  return keys;
}
