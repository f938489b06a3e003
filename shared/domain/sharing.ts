import { z } from 'zod';
import { TLP_CODES, type TlpCode } from './enums';

/**
 * The sharing regime's vocabulary: who supplied a fact (originator), on what basis the municipality
 * received it, how it may be used (restriction), who an output goes to (audience), and why a fact
 * stays behind. The rule itself lives in one place, electron/core/sharing/policy.ts; the table of
 * decisions is in docs/sharing-regime.md.
 *
 * Sources: FIRST, "Traffic Light Protocol (TLP) 2.0" (2022) for the codes; AVG art. 10 and UAVG
 * art. 31-33 for criminal-law personal data; the Wgs (Stb. 2024, 198) and its Besluit (Stb. 2024, 380) for sharing within the RIEC.
 */

/**
 * The four kinds of organisation a fact can come from or go to. Only the municipality's own
 * departments are "inside"; everything else is a third organisation for TLP 2.0.
 */
export const ORGANISATION_CATEGORIES = ['gemeentelijke_dienst', 'convenantpartner', 'overige_overheid', 'private_partij'] as const;
export type OrganisationCategory = (typeof ORGANISATION_CATEGORIES)[number];

/** The code of the municipality itself, for facts of its own whose department is not recorded. */
export const OWN_MUNICIPALITY = 'gemeente';

/**
 * The organisations a vault starts with (table `organisations`, editable like the phenomena). The
 * first nineteen codes are the fixed partner list of earlier versions: notes, measures, dossiers and
 * meeting actions stored them, so they keep their meaning. Append only.
 */
export const ORGANISATION_SEEDS: ReadonlyArray<{ code: string; name: string; category: OrganisationCategory }> = [
  { code: 'gemeente_vergunningen', name: 'Gemeente – vergunningen', category: 'gemeentelijke_dienst' },
  { code: 'gemeente_handhaving', name: 'Gemeente – handhaving', category: 'gemeentelijke_dienst' },
  { code: 'gemeente_sociaal_domein', name: 'Gemeente – sociaal domein', category: 'gemeentelijke_dienst' },
  { code: 'gemeente_belastingen', name: 'Gemeente – belastingen', category: 'gemeentelijke_dienst' },
  { code: 'gemeente_burgerzaken', name: 'Gemeente – burgerzaken', category: 'gemeentelijke_dienst' },
  { code: 'gemeente_vastgoed', name: 'Gemeente – vastgoed', category: 'gemeentelijke_dienst' },
  { code: 'politie', name: 'Politie', category: 'convenantpartner' },
  { code: 'openbaar_ministerie', name: 'Openbaar Ministerie', category: 'convenantpartner' },
  { code: 'belastingdienst', name: 'Belastingdienst/Toeslagen', category: 'convenantpartner' },
  { code: 'riec', name: 'RIEC', category: 'convenantpartner' },
  { code: 'fiod', name: 'FIOD', category: 'convenantpartner' },
  { code: 'arbeidsinspectie', name: 'Nederlandse Arbeidsinspectie', category: 'convenantpartner' },
  { code: 'uwv', name: 'UWV', category: 'convenantpartner' },
  { code: 'douane', name: 'Douane', category: 'convenantpartner' },
  { code: 'kmar', name: 'Koninklijke Marechaussee', category: 'convenantpartner' },
  { code: 'ind', name: 'IND', category: 'convenantpartner' },
  { code: 'provincie', name: 'Provincie', category: 'convenantpartner' },
  { code: 'woningcorporatie', name: 'Woningcorporatie', category: 'private_partij' },
  { code: 'zorgverzekeraar', name: 'Zorgverzekeraar', category: 'private_partij' },
  { code: OWN_MUNICIPALITY, name: 'Gemeente (eigen organisatie)', category: 'gemeentelijke_dienst' },
  { code: 'nvwa', name: 'NVWA', category: 'convenantpartner' },
  { code: 'andere_gemeente', name: 'Andere gemeente', category: 'convenantpartner' },
  { code: 'landelijk_bureau_bibob', name: 'Landelijk Bureau Bibob', category: 'overige_overheid' },
  { code: 'omgevingsdienst', name: 'Omgevingsdienst', category: 'overige_overheid' },
  { code: 'veiligheidsregio', name: 'Veiligheidsregio', category: 'overige_overheid' },
  { code: 'netbeheerder', name: 'Netbeheerder', category: 'private_partij' },
  { code: 'zorgaanbieder', name: 'Zorgaanbieder', category: 'private_partij' },
  { code: 'bank', name: 'Bank', category: 'private_partij' },
];

/**
 * Legal bases of receipt (table `legal_bases`, editable). `criminalLaw`: what arrives under it is
 * criminal-law personal data (AVG art. 10) by its nature, whatever kind of fact it is.
 */
export const LEGAL_BASIS_SEEDS: ReadonlyArray<{ code: string; label: string; criminalLaw: boolean }> = [
  { code: 'eigen_taak_gemeentewet', label: 'Eigen publieke taak: Gemeentewet', criminalLaw: false },
  { code: 'eigen_taak_opiumwet_13b', label: 'Eigen publieke taak: Opiumwet art. 13b', criminalLaw: false },
  { code: 'eigen_taak_bibob', label: 'Eigen publieke taak: Wet Bibob', criminalLaw: false },
  { code: 'riec_convenant_wgs', label: 'RIEC-convenant / Wgs-samenwerkingsverband', criminalLaw: false },
  { code: 'wpg', label: 'Wet politiegegevens (politiegegevens)', criminalLaw: true },
  { code: 'wjsg', label: 'Wet justitiële en strafvorderlijke gegevens', criminalLaw: true },
  { code: 'awr', label: 'Algemene wet inzake rijksbelastingen (fiscale gegevens)', criminalLaw: false },
  { code: 'melding_burger', label: 'Melding van een burger', criminalLaw: false },
  { code: 'open_bron', label: 'Open bron', criminalLaw: false },
];

/** How a fact may be used, as its supplier said. `vraag_leverancier`: not recorded (older data); ask before passing it on. */
export const USE_RESTRICTIONS = ['vrij', 'geen_besluit_zonder_toestemming', 'niet_verder_verstrekken', 'vraag_leverancier'] as const;
export type UseRestriction = (typeof USE_RESTRICTIONS)[number];

/** Who supplied a fact and on what terms. Null originator or basis: not recorded, shown as unknown, never guessed. */
export interface Provenance {
  originator: string | null;
  receivedUnder: string | null;
  restriction: UseRestriction;
}

/** Organisation and basis codes: lower-case slugs, like the phenomena's. */
export const organisationCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,59}$/, 'code.invalid');
export const legalBasisCodeSchema = organisationCodeSchema;

/** Provenance as an input: every field optional; the core fills in the defaults of `defaultProvenance`. */
export const provenanceInputSchema = z
  .object({
    originator: organisationCodeSchema.nullable().optional(),
    receivedUnder: legalBasisCodeSchema.nullable().optional(),
    restriction: z.enum(USE_RESTRICTIONS).optional(),
  })
  .strict();
export type ProvenanceInput = z.infer<typeof provenanceInputSchema>;

/**
 * The defaults a form proposes for a fact from `originator`: the municipality's own observation
 * rests on its own task and is free to use; police data arrives under the Wpg and may not ground a
 * decision without the police's consent; tax data (AWR) is not passed on; other convenant partners
 * share under the RIEC convenant.
 */
export function defaultProvenance(originator: string | null, category: OrganisationCategory | null): Provenance {
  if (originator === null || category === 'gemeentelijke_dienst')
    return { originator: originator ?? OWN_MUNICIPALITY, receivedUnder: 'eigen_taak_gemeentewet', restriction: 'vrij' };
  if (originator === 'politie' || originator === 'kmar') return { originator, receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' };
  if (originator === 'openbaar_ministerie') return { originator, receivedUnder: 'wjsg', restriction: 'geen_besluit_zonder_toestemming' };
  if (originator === 'belastingdienst' || originator === 'fiod') return { originator, receivedUnder: 'awr', restriction: 'niet_verder_verstrekken' };
  if (category === 'convenantpartner') return { originator, receivedUnder: 'riec_convenant_wgs', restriction: 'geen_besluit_zonder_toestemming' };
  return { originator, receivedUnder: null, restriction: 'geen_besluit_zonder_toestemming' };
}

/** The kinds of fact the regime weighs: the bundle's item kinds (`dossier` is the dossier's own fields: title, summary, status). */
export const FACT_KINDS = ['dossier', 'signal', 'note', 'dossier-link', 'subject-link', 'measure', 'attachment', 'subject'] as const;
export type FactKind = (typeof FACT_KINDS)[number];
export interface FactRef {
  kind: FactKind;
  id: number;
}
export const factRefSchema = z.object({ kind: z.enum(FACT_KINDS), id: z.number().int().positive() }).strict();

/** One person or organisation an output is for. `person`: a named individual (TLP:RED needs one). */
export interface AudienceMember {
  organisation: string | null;
  person: string | null;
  /** For bundles: the key was compared with the partner in person. Other outputs name people, not keys. */
  verified: boolean;
}

/**
 * Who an output goes to:
 * - `internal`: the user's own use within the municipality (a print for the dossier itself);
 * - `passphrase`: a bundle locked with a passphrase: whoever holds it, nobody in particular;
 * - `recipients`: named organisations and persons (meeting participants, bundle recipients, the audience of a print).
 */
export type Audience = { kind: 'internal' } | { kind: 'passphrase' } | { kind: 'recipients'; members: AudienceMember[] };

const audienceMemberSchema = z
  .object({
    organisation: organisationCodeSchema.nullable(),
    person: z.string().trim().max(200).nullable().default(null),
    verified: z.boolean().default(false),
  })
  .strict();
/** An audience as a print dialog or the CLI names it; bundles derive theirs from the recipients' keys. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('internal') }).strict(),
  z.object({ kind: z.literal('recipients'), members: z.array(audienceMemberSchema).min(1).max(100) }).strict(),
]);

/**
 * Why a fact stays behind. The TLP reasons name the code that forbids the audience; `restriction`
 * is the supplier's use restriction; `restriction_unknown` a fact whose restriction was never
 * recorded; `art10` criminal-law personal data for a private party or an unknown recipient.
 */
export const WITHHOLD_REASONS = ['tlp_red', 'tlp_amber_strict', 'tlp_amber', 'tlp_green', 'restriction', 'restriction_unknown', 'art10'] as const;
export type WithholdReason = (typeof WITHHOLD_REASONS)[number];

/** An override of the regime for some (or, without `items`, all) withheld facts of one output; the reason goes into the register. */
export const sharingOverrideSchema = z
  .object({
    reason: z.string().trim().min(3, 'override.reason-short').max(500, 'text.too-long'),
    items: z.array(factRefSchema).max(10_000).optional(),
  })
  .strict();
export type SharingOverride = z.infer<typeof sharingOverrideSchema>;

/** A fact left out of an output, as the output and its preview show it. */
export interface WithheldFact {
  ref: FactRef;
  dossierId: number | null;
  label: string;
  tlp: TlpCode;
  reasons: WithholdReason[];
}

/** What an output reports about the regime: its marking, what was left out and why, and what went by override. */
export interface SharingSummary {
  marking: TlpCode;
  withheld: WithheldFact[];
  /** How many facts each reason kept out (a fact with two reasons counts under both). */
  withheldCounts: Partial<Record<WithholdReason, number>>;
  overridden: WithheldFact[];
  overrideReason: string | null;
}

/** The ways information leaves the vault, as the register names them. */
export const DISCLOSURE_CHANNELS = ['bundle', 'print', 'pdf', 'word', 'csv', 'meeting', 'file'] as const;
export type DisclosureChannel = (typeof DISCLOSURE_CHANNELS)[number];

/** What the regime names an output by in the register. */
export const DISCLOSURE_OUTPUTS = ['bundle', 'preweegdocument', 'agenda', 'verslag', 'signal-sheet', 'access-request', 'report', 'attachment'] as const;
export type DisclosureOutput = (typeof DISCLOSURE_OUTPUTS)[number];

/** One line of the disclosure register (verstrekkingen), read back from the audit trail. */
export interface Disclosure {
  auditId: number;
  occurredAt: string;
  actor: string;
  output: DisclosureOutput;
  channel: DisclosureChannel;
  audience: Audience;
  marking: TlpCode;
  dossiers: Array<{ id: number; number: string }>;
  items: FactRef[];
  withheld: number;
  overridden: FactRef[];
  overrideReason: string | null;
  /** The legal bases of what went, as recorded on the facts. */
  bases: string[];
}

export function isTlpCode(value: string): value is TlpCode {
  return (TLP_CODES as readonly string[]).includes(value);
}
