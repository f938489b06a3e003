import type { AddressDetails, SubjectDetails } from '../../../shared/api/subject-details';
import { formatIban, formatKenteken, formatPostcode } from '../../../shared/domain/validation';

/** "12A", "12-2": a letter joins the number directly, anything else after a dash. */
function houseNumberText(address: AddressDetails): string {
  if (!address.houseNumber) return '';
  const addition = address.houseNumberAddition;
  if (!addition) return String(address.houseNumber);
  return /^[A-Z]$/.test(addition) ? `${address.houseNumber}${addition}` : `${address.houseNumber}-${addition}`;
}

function addressLabel(address: AddressDetails): string {
  const number = houseNumberText(address);
  const street = address.street ? [address.street, number].filter(Boolean).join(' ') : '';
  const postcode = address.postcode ? formatPostcode(address.postcode) : '';
  const place = [postcode, address.city].filter(Boolean).join(' ');
  if (street) return [street, place].filter(Boolean).join(', ');
  return [place, number].filter(Boolean).join(' ');
}

/** The one line that names a subject in lists and links, as the user would write it. */
export function subjectLabel(details: SubjectDetails): string {
  switch (details.type) {
    case 'person':
    case 'organisation':
      return details.name;
    case 'address':
      return addressLabel(details);
    case 'vehicle':
      return formatKenteken(details.kenteken);
    case 'bank_account':
      return formatIban(details.iban);
    case 'phone':
      return details.number;
    case 'email':
      return details.address;
  }
}
