import { formatErrorMessage } from '../../../shared/i18n/errors';
import { validationMessages } from '../../../shared/i18n/validation';
import type { ValidationCode } from '../../../shared/domain/validation';
import type { CoreError } from '../kernel/errors';
import { FLAGS } from './flags';

/**
 * The option of each command that fills an input field of the core, so that a refused value is
 * named the way the user typed it (`--tlp-overschrijven`, not `override.reason`).
 */
const FLAG_OF_FIELD: Record<string, Record<string, string>> = {
  export: { 'override.reason': FLAGS.tlpOverride.name, targetPath: FLAGS.out.name, recipients: FLAGS.recipient.name },
  report: { targetPath: `${FLAGS.csv.name} of ${FLAGS.pdf.name}` },
  identity: { targetPath: `${FLAGS.card.name} of ${FLAGS.ageIdentity.name}`, organisation: FLAGS.organisation.name },
  partner: { path: 'de partnerkaart', organisationCode: FLAGS.organisation.name },
  import: { path: 'de bundel', acceptSender: FLAGS.acceptSender.name },
};

function isValidationCode(reason: unknown): reason is ValidationCode {
  return typeof reason === 'string' && reason in validationMessages.nl;
}

/**
 * The one Dutch line kluis prints for a failure of the core. A refused input names its option
 * (or the field, for one the table above does not know) before the validation sentence.
 */
export function errorLine(command: string | undefined, error: CoreError): string {
  const details = error.details ?? {};
  if (error.code === 'INVALID_INPUT' && isValidationCode(details.reason)) {
    const field = typeof details.field === 'string' && details.field !== '' ? details.field : null;
    const named = field === null ? null : (FLAG_OF_FIELD[command ?? '']?.[field] ?? field);
    const sentence = validationMessages.nl[details.reason];
    return `kluis: ${named ? `${named}: ` : ''}${sentence}`;
  }
  const detail = error.code === 'INTERNAL' ? ` (${error.message})` : '';
  return `kluis: ${formatErrorMessage('nl', error.code, details)}${detail}`;
}

/**
 * Said once when the vault was opened from read-only media: what the user does is not recorded
 * in the vault's audit trail (it cannot be written there), and changes will be refused.
 */
export const READ_ONLY_NOTE =
  'Alleen lezen: de kluis staat op een plek waar niet kan worden geschreven. Lezen, zoeken en een reservekopie maken kan; ' +
  'wat u nu doet komt niet in het logboek van deze kluis (wel in dat van een reservekopie), en wijzigen of verstrekken kan niet.';

export function noteIfReadOnly(status: { readOnly?: boolean }, note: (line: string) => void): void {
  if (status.readOnly) note(READ_ONLY_NOTE);
}
