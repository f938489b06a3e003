import type { TlpCode } from '../domain/enums';
import type { DisclosureChannel, DisclosureOutput, OrganisationCategory, SharingSummary, UseRestriction, WithholdReason } from '../domain/sharing';

/**
 * The sharing regime in words, Dutch and English: why a fact stayed behind, the categories and the
 * restrictions. Outputs are printed in Dutch; the screens use the UI language.
 */

export type SharingLanguage = 'nl' | 'en';

export const WITHHOLD_REASON_LABELS: Readonly<Record<SharingLanguage, Readonly<Record<WithholdReason, string>>>> = {
  nl: {
    tlp_red: 'TLP:RED, alleen de gemeente zelf mag het aan genoemde personen geven',
    tlp_amber_strict: 'TLP:AMBER+STRICT van een partner of een onbekende leverancier, blijft binnen de gemeente',
    tlp_amber: 'TLP:AMBER, alleen voor een bekende organisatie',
    tlp_green: 'TLP:GREEN, niet voor een onbekende ontvanger',
    restriction: 'gebruiksbeperking van de leverancier',
    restriction_unknown: 'herkomst of gebruiksbeperking onbekend: eerst de leverancier vragen',
    art10: 'strafrechtelijke persoonsgegevens (art. 10 AVG), niet voor een private partij of een onbekende ontvanger',
  },
  en: {
    tlp_red: "TLP:RED, only the municipality's own, to named people",
    tlp_amber_strict: 'TLP:AMBER+STRICT from a partner or an unknown supplier, stays within the municipality',
    tlp_amber: 'TLP:AMBER, only for a known organisation',
    tlp_green: 'TLP:GREEN, not for an unknown recipient',
    restriction: "the supplier's use restriction",
    restriction_unknown: 'origin or use restriction unknown: ask the supplier first',
    art10: 'criminal-law personal data (GDPR art. 10), not for a private party or an unknown recipient',
  },
};

export const ORGANISATION_CATEGORY_LABELS: Readonly<Record<SharingLanguage, Readonly<Record<OrganisationCategory, string>>>> = {
  nl: { gemeentelijke_dienst: 'Gemeentelijke dienst', convenantpartner: 'RIEC-convenantpartner', overige_overheid: 'Andere overheid', private_partij: 'Private partij' },
  en: { gemeentelijke_dienst: 'Municipal department', convenantpartner: 'RIEC convenant partner', overige_overheid: 'Other public body', private_partij: 'Private party' },
};

export const USE_RESTRICTION_LABELS: Readonly<Record<SharingLanguage, Readonly<Record<UseRestriction, string>>>> = {
  nl: {
    vrij: 'Vrij te gebruiken in eigen werk en sturingsinformatie',
    geen_besluit_zonder_toestemming: 'Niet voor een besluit zonder toestemming van de leverancier',
    niet_verder_verstrekken: 'Niet verder verstrekken',
    vraag_leverancier: 'Onbekend: vraag de leverancier',
  },
  en: {
    vrij: 'Free to use in own work and management information',
    geen_besluit_zonder_toestemming: "Not for a decision without the supplier's consent",
    niet_verder_verstrekken: 'Not to be passed on',
    vraag_leverancier: 'Unknown: ask the supplier',
  },
};

/** The ways a disclosure left, as the register, the verantwoording and `kluis verstrekkingen` name them. */
export const DISCLOSURE_CHANNEL_LABELS: Readonly<Record<SharingLanguage, Readonly<Record<DisclosureChannel, string>>>> = {
  nl: { bundle: 'bundel', print: 'afdruk', pdf: 'PDF', word: 'Word', csv: 'CSV', meeting: 'overleg', file: 'bestand' },
  en: { bundle: 'bundle', print: 'print', pdf: 'PDF', word: 'Word', csv: 'CSV', meeting: 'meeting', file: 'file' },
};

export const DISCLOSURE_OUTPUT_LABELS: Readonly<Record<SharingLanguage, Readonly<Record<DisclosureOutput, string>>>> = {
  nl: {
    bundle: 'bundel',
    preweegdocument: 'preweegdocument',
    agenda: 'agenda',
    verslag: 'verslag',
    'signal-sheet': 'signaalblad',
    'access-request': 'inzageverzoek',
    report: 'rapportage',
    attachment: 'bijlage',
  },
  en: {
    bundle: 'bundle',
    preweegdocument: 'preweeg document',
    agenda: 'agenda',
    verslag: 'minutes',
    'signal-sheet': 'signal sheet',
    'access-request': 'access request',
    report: 'report',
    attachment: 'attachment',
  },
};

const COUNT_WORDS: Readonly<Record<SharingLanguage, (count: number) => string>> = {
  nl: (count) => (count === 1 ? '1 gegeven' : `${count} gegevens`),
  en: (count) => (count === 1 ? '1 item' : `${count} items`),
};

/**
 * What an output says about what it left out, one line per reason ("2 gegevens: TLP:RED, alleen
 * voor ..."), and the override if there was one. Empty when nothing was left out or overridden.
 */
export function withheldLines(summary: Pick<SharingSummary, 'withheldCounts' | 'overridden' | 'overrideReason'>, language: SharingLanguage = 'nl'): string[] {
  const lines = (Object.entries(summary.withheldCounts) as Array<[WithholdReason, number]>)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${COUNT_WORDS[language](count)}: ${WITHHOLD_REASON_LABELS[language][reason]}`);
  if (summary.overridden.length > 0 && summary.overrideReason) {
    lines.push(
      language === 'nl'
        ? `${COUNT_WORDS.nl(summary.overridden.length)} toch meegegeven, reden: ${summary.overrideReason}`
        : `${COUNT_WORDS.en(summary.overridden.length)} included by override, reason: ${summary.overrideReason}`,
    );
  }
  return lines;
}

/** "TLP:AMBER+STRICT": how a marking is printed. */
export const markingText = (tlp: TlpCode): string => `TLP:${tlp}`;
