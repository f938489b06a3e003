import type { AccessRequestDisclosure } from '../../../shared/api/reports';
import { formatDate } from '../../../shared/domain/dates';
import type { Disclosure } from '../../../shared/domain/sharing';
import { DISCLOSURE_CHANNEL_LABELS } from '../../../shared/i18n/sharing';
import { describeAudience } from '../sharing/audience';

/**
 * The disclosure register in Dutch words, for what the core prints itself: the access request's
 * "Verstrekt aan" and `kluis verstrekkingen`. The screens translate the codes in their own
 * language files.
 */

/**
 * A register entry as the access request shows it. Only disclosures to someone: a print or copy
 * for internal use went to no recipient (art. 15 AVG asks for recipients), and every access-request
 * PDF itself is one, so listing them would only repeat the privacy officer's own work.
 */
export function toAccessRequestDisclosure(disclosure: Disclosure, names: ReadonlyMap<string, string>): AccessRequestDisclosure | null {
  if (disclosure.audience.kind === 'internal') return null;
  return {
    auditId: disclosure.auditId,
    occurredAt: disclosure.occurredAt,
    output: disclosure.output,
    channel: disclosure.channel,
    audience: disclosure.audience,
    recipients: describeAudience(disclosure.audience, names),
  };
}

/** "Politie (bundel, 03-12-2026); Woningcorporatie (pdf, 05-12-2026)", or "niemand" for none. */
export function disclosedToNl(disclosures: readonly AccessRequestDisclosure[]): string {
  if (disclosures.length === 0) return 'niemand';
  return disclosures
    .map((disclosure) => `${disclosure.recipients} (${DISCLOSURE_CHANNEL_LABELS.nl[disclosure.channel]}, ${formatDate(disclosure.occurredAt, 'nl')})`)
    .join('; ');
}
