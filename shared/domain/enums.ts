/**
 * The domain's fixed vocabularies, most of them from the municipality's 2018 plan against
 * ondermijning and the RIEC's way of working. Machine values are
 * stable: they are stored in vaults and travel in export bundles, so a value is never renamed, only
 * added. Domain jargon keeps its Dutch slug (kopstuk, in_opwerking), generic notions are English
 * (person, works_for). The Dutch words for each value live in labels-nl.ts.
 */

/**
 * Phenomena and their sub-forms as named in the source, used to seed each vault's editable list
 * (table `phenomena`). A sub-form's code is `<phenomenon>.<sub-form>`. Append only: a vault that
 * already has its list keeps it, and a later seed arrives by a migration that inserts what is missing
 * (migration 0003 keeps its own copy of the list as it first shipped).
 */
export const PHENOMENON_SEEDS = [
  { code: 'drugs', subForms: ['drugshandel', 'drugsgebruik', 'hennepteelt', 'productie_harddrugs', 'maatschappelijke_acceptatie'] },
  { code: 'illegaal_gokken', subForms: ['poker', 'illegale_gokzuilen'] },
  { code: 'arbeidsuitbuiting', subForms: ['slechte_werkomstandigheden', 'illegale_kamerverhuur', 'huur_ingehouden_op_loon', 'overbewoning'] },
  { code: 'milieu', subForms: ['afvaldumping', 'asbest_zonder_registratie', 'vervuilde_grond', 'witgoed_zonder_registratie'] },
  { code: 'zorgfraude', subForms: ['zorg_niet_geleverd', 'ronselen_clienten', 'kamerverhuur', 'pgb_fraude'] },
  { code: 'witwassen', subForms: [] },
  { code: 'omg', subForms: [] },
  { code: 'heling', subForms: [] },
  { code: 'mensenhandel', subForms: [] },
  { code: 'vastgoedfraude', subForms: [] },
  { code: 'witteboordencriminaliteit', subForms: [] },
  { code: 'misbruik_vrijplaatsen', subForms: ['vrijplaatsen', 'bedrijventerreinen', 'buitengebied'] },
] as const;

export function subFormCode(phenomenonCode: string, subForm: string): string {
  return `${phenomenonCode}.${subForm}`;
}

/** Every seeded code, phenomena and sub-forms, in the order the list shows them. */
export const SEEDED_PHENOMENON_CODES: readonly string[] = PHENOMENON_SEEDS.flatMap((seed) => [seed.code, ...seed.subForms.map((subForm) => subFormCode(seed.code, subForm))]);

/** The states of a signaaldossier, from signal to closed, in their usual order. */
export const DOSSIER_STATUSES = [
  'ontvangen', // signaal ontvangen
  'in_opwerking',
  'voorgelegd_driehoek', // voorgelegd aan burgemeester / lokale driehoek (prioriteren)
  'informatieplein', // ingebracht in het informatieplein van het RIEC
  'preweeg_concept',
  'preweeg_akkoord', // akkoord lokale driehoek
  'stuurploeg', // ligt bij de districtelijke stuurploeg voor besluit
  'aanpak', // projectgroep / casustafel
  'interventie', // interventie(s) lopen
  'regulier_afgehandeld',
  'afgesloten',
] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

export const INITIAL_DOSSIER_STATUS: DossierStatus = 'ontvangen';
export const CLOSED_STATUS = 'afgesloten' satisfies DossierStatus;

/** States that end the flow; leaving one of them is a reopening and needs a reason. */
export const FINAL_DOSSIER_STATUSES: readonly DossierStatus[] = ['regulier_afgehandeld', 'afgesloten'];

/**
 * Which status may follow which. The choices, beyond the straight line of the process:
 * - Every open state may go to `afgesloten` (a case can be solved, handed over, found groundless
 *   or time-barred at any point) and, up to the stuurploeg, to `regulier_afgehandeld` (the
 *   municipality handles it through its regular processes; after an approach is chosen that is no
 *   longer "leaving the flow early", so from `aanpak` on only closing remains).
 * - Every state after `in_opwerking` up to the stuurploeg may go back to `in_opwerking`: the
 *   driehoek, the informatieplein or the stuurploeg ("terug voor meer informatie") can ask for
 *   more work. The stuurploeg's decision is the transition itself: aanpakken → `aanpak`,
 *   niet aanpakken → `afgesloten` or `regulier_afgehandeld`, terug → `in_opwerking`.
 * - `aanpak` and `interventie` alternate: the casustafel starts interventions and takes them up again.
 * - The final states may be reopened into `in_opwerking` (new information arrives), with a reason.
 * - No state may be skipped forward: a preweegdocument needs the informatieplein first, the
 *   stuurploeg needs the driehoek's akkoord.
 */
export const STATUS_TRANSITIONS: Readonly<Record<DossierStatus, readonly DossierStatus[]>> = {
  ontvangen: ['in_opwerking', 'regulier_afgehandeld', 'afgesloten'],
  in_opwerking: ['voorgelegd_driehoek', 'regulier_afgehandeld', 'afgesloten'],
  voorgelegd_driehoek: ['informatieplein', 'in_opwerking', 'regulier_afgehandeld', 'afgesloten'],
  informatieplein: ['preweeg_concept', 'in_opwerking', 'regulier_afgehandeld', 'afgesloten'],
  preweeg_concept: ['preweeg_akkoord', 'in_opwerking', 'regulier_afgehandeld', 'afgesloten'],
  preweeg_akkoord: ['stuurploeg', 'in_opwerking', 'regulier_afgehandeld', 'afgesloten'],
  stuurploeg: ['aanpak', 'in_opwerking', 'regulier_afgehandeld', 'afgesloten'],
  aanpak: ['interventie', 'afgesloten'],
  interventie: ['aanpak', 'afgesloten'],
  regulier_afgehandeld: ['in_opwerking'],
  afgesloten: ['in_opwerking'],
};

export function canChangeStatus(from: DossierStatus, to: DossierStatus): boolean {
  return STATUS_TRANSITIONS[from].includes(to);
}

export const CLOSING_REASONS = ['opgelost', 'overgedragen', 'geen_grond', 'verjaard'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

/** The 4x4 model: the source's reliability (letter) and the information's (digit). */
export const SOURCE_GRADES = ['A', 'B', 'C', 'X'] as const;
export type SourceGrade = (typeof SOURCE_GRADES)[number];
export const INFORMATION_GRADES = [1, 2, 3, 4] as const;
export type InformationGrade = (typeof INFORMATION_GRADES)[number];

/** "Cannot be judged" on both axes: the honest default when nobody has weighed the item yet. */
export const UNGRADED = { sourceGrade: 'X', informationGrade: 4 } as const satisfies { sourceGrade: SourceGrade; informationGrade: InformationGrade };

/** TLP 2.0, from the most to the least restricted; written as in the standard, without "TLP:". */
export const TLP_CODES = ['RED', 'AMBER+STRICT', 'AMBER', 'GREEN', 'CLEAR'] as const;
export type TlpCode = (typeof TLP_CODES)[number];
/** Criminal-law personal data stays inside the municipality unless the user widens it. */
export const DEFAULT_TLP: TlpCode = 'AMBER+STRICT';

export const HOW_RECEIVED = ['meldpunt', 'medewerker', 'partner', 'burger', 'anoniem'] as const;
export type HowReceived = (typeof HOW_RECEIVED)[number];

export const SUBJECT_TYPES = ['person', 'organisation', 'address', 'vehicle', 'bank_account', 'phone', 'email'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** Roles of a subject in a dossier: spoor 1's roles, then the everyday ones. */
export const SUBJECT_ROLES = [
  'kopstuk',
  'faciliteerder',
  'locatie',
  'gelegenheid',
  'vermogen',
  'eigenaar',
  'huurder',
  'bewoner',
  'bestuurder',
  'ubo',
  'werkgever',
  'zorgaanbieder',
  'melder',
  'betrokkene',
] as const;
export type SubjectRole = (typeof SUBJECT_ROLES)[number];

/** Directed links between subjects: "<from> works for <to>". */
export const SUBJECT_LINK_KINDS = ['works_for', 'lives_at', 'registered_at', 'director_of', 'owns', 'uses', 'account_holder_of', 'family_of', 'associated_with'] as const;
export type SubjectLinkKind = (typeof SUBJECT_LINK_KINDS)[number];

/** The municipality's own departments first, then the RIEC partners and the other bodies it works with. */
export const PARTNERS = [
  'gemeente_vergunningen',
  'gemeente_handhaving',
  'gemeente_sociaal_domein',
  'gemeente_belastingen',
  'gemeente_burgerzaken',
  'gemeente_vastgoed',
  'politie',
  'openbaar_ministerie',
  'belastingdienst',
  'riec',
  'fiod',
  'arbeidsinspectie',
  'uwv',
  'douane',
  'kmar',
  'ind',
  'provincie',
  'woningcorporatie',
  'zorgverzekeraar',
] as const;
export type Partner = (typeof PARTNERS)[number];

export const PRIORITIES = ['hoog', 'normaal', 'laag'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const LEGAL_FORMS = ['eenmanszaak', 'vof', 'cv', 'maatschap', 'bv', 'nv', 'stichting', 'vereniging', 'cooperatie', 'buitenlandse_rechtsvorm', 'overig'] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Handelingsperspectieven (bestuurlijk, strafrechtelijk, fiscaal, zorg); `overig` plus a description covers the rest. */
export const MEASURE_KINDS = [
  'bibob_toets',
  'opiumwet_13b_waarschuwing',
  'opiumwet_13b_last_onder_dwangsom',
  'opiumwet_13b_sluiting',
  'gemeentewet_174a',
  'vergunning_geweigerd_of_ingetrokken',
  'bestuurlijke_handhaving',
  'stopgesprek',
  'huisbezoek',
  'integrale_controle',
  'aangifte',
  'opsporingsonderzoek',
  'fiscale_actie',
  'afpakken_vermogen',
  'zorg_hulpverlening',
  'exit',
  'schuldhulp',
  'overig',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_STAGES = ['gepland', 'lopend', 'besloten', 'afgerond', 'vervallen'] as const;
export type MeasureStage = (typeof MEASURE_STAGES)[number];

/** The kinds of normalised keys a subject is matched on ("komt ook voor in"). */
export const MATCH_KEY_KINDS = ['bsn', 'name_birth_date', 'kvk', 'establishment', 'organisation_name', 'address', 'bag_id', 'kenteken', 'iban', 'phone', 'email'] as const;
export type MatchKeyKind = (typeof MATCH_KEY_KINDS)[number];
