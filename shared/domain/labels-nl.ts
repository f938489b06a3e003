import type {
  ClosingReason,
  DossierStatus,
  HowReceived,
  InformationGrade,
  LegalForm,
  MatchKeyKind,
  MeasureKind,
  MeasureStage,
  Partner,
  Priority,
  SourceGrade,
  SubjectLinkKind,
  SubjectRole,
  SubjectType,
  TlpCode,
} from './enums';
import type { OutcomeKey } from '../api/reports';

/**
 * The Dutch words for every machine value in enums.ts, for the command line and as the seed of the
 * UI's i18n resources. `satisfies Record<...>` makes a value without a label a compile error.
 */

/** Seeded phenomena and sub-forms, by code (`drugs`, `drugs.hennepteelt`): the labels new vaults start with. */
export const PHENOMENON_LABELS_NL: Readonly<Record<string, string>> = {
  drugs: 'Drugs',
  'drugs.drugshandel': 'Handel in hard- en softdrugs',
  'drugs.drugsgebruik': 'Drugsgebruik',
  'drugs.hennepteelt': 'Hennepteelt',
  'drugs.productie_harddrugs': 'Productie harddrugs',
  'drugs.maatschappelijke_acceptatie': 'Maatschappelijke acceptatie',
  illegaal_gokken: 'Illegaal gokken',
  'illegaal_gokken.poker': 'Poker',
  'illegaal_gokken.illegale_gokzuilen': 'Illegale gokzuilen',
  arbeidsuitbuiting: 'Arbeidsuitbuiting',
  'arbeidsuitbuiting.slechte_werkomstandigheden': 'Slechte werkomstandigheden',
  'arbeidsuitbuiting.illegale_kamerverhuur': 'Illegale kamerverhuur',
  'arbeidsuitbuiting.huur_ingehouden_op_loon': 'Huur ingehouden op loon',
  'arbeidsuitbuiting.overbewoning': 'Overbewoning',
  milieu: 'Milieu',
  'milieu.afvaldumping': 'Afvaldumpingen',
  'milieu.asbest_zonder_registratie': 'Asbest zonder registratie',
  'milieu.vervuilde_grond': 'Vervuilde grond',
  'milieu.witgoed_zonder_registratie': 'Witgoed zonder registratie',
  zorgfraude: 'Zorgfraude',
  'zorgfraude.zorg_niet_geleverd': 'Zorg gedeclareerd maar niet geleverd',
  'zorgfraude.ronselen_clienten': 'Ronselen van cliënten',
  'zorgfraude.kamerverhuur': 'In combinatie met kamerverhuur',
  'zorgfraude.pgb_fraude': 'Pgb-fraude',
  witwassen: 'Witwassen',
  omg: 'Outlaw Motor Gangs (OMG)',
  heling: 'Heling',
  mensenhandel: 'Mensenhandel',
  vastgoedfraude: 'Vastgoedfraude',
  witteboordencriminaliteit: 'Witteboordencriminaliteit',
  misbruik_vrijplaatsen: 'Misbruik van vrijplaatsen en bedrijventerreinen',
  'misbruik_vrijplaatsen.vrijplaatsen': 'Vrijplaatsen',
  'misbruik_vrijplaatsen.bedrijventerreinen': 'Bedrijventerreinen',
  'misbruik_vrijplaatsen.buitengebied': 'Buitengebied',
};

export const DOSSIER_STATUS_LABELS_NL = {
  ontvangen: 'Signaal ontvangen',
  in_opwerking: 'In opwerking',
  voorgelegd_driehoek: 'Voorgelegd aan burgemeester / lokale driehoek',
  informatieplein: 'Ingebracht in informatieplein',
  preweeg_concept: 'Preweegdocument in concept',
  preweeg_akkoord: 'Preweegdocument akkoord lokale driehoek',
  stuurploeg: 'Besluit stuurploeg',
  aanpak: 'Projectgroep / casustafel',
  interventie: 'Interventie(s) lopen',
  regulier_afgehandeld: 'Regulier afgehandeld',
  afgesloten: 'Afgesloten',
} as const satisfies Record<DossierStatus, string>;

export const CLOSING_REASON_LABELS_NL = {
  opgelost: 'Opgelost',
  overgedragen: 'Overgedragen',
  geen_grond: 'Geen grond',
  verjaard: 'Verjaard',
} as const satisfies Record<ClosingReason, string>;

export const SOURCE_GRADE_LABELS_NL = {
  A: 'Volledig betrouwbaar',
  B: 'Meestal betrouwbaar',
  C: 'Niet betrouwbaar',
  X: 'Niet te beoordelen',
} as const satisfies Record<SourceGrade, string>;

export const INFORMATION_GRADE_LABELS_NL = {
  1: 'Zonder voorbehoud juist',
  2: 'De bron persoonlijk bekend',
  3: 'De bron niet persoonlijk bekend, wel bevestigd',
  4: 'Niet te beoordelen',
} as const satisfies Record<InformationGrade, string>;

export const TLP_LABELS_NL = {
  RED: 'TLP:RED – alleen benoemde ontvangers',
  'AMBER+STRICT': 'TLP:AMBER+STRICT – alleen de organisatie van de ontvanger',
  AMBER: 'TLP:AMBER – de organisatie van de ontvanger en haar klanten waar nodig',
  GREEN: 'TLP:GREEN – de gemeenschap',
  CLEAR: 'TLP:CLEAR – openbaar',
} as const satisfies Record<TlpCode, string>;

export const HOW_RECEIVED_LABELS_NL = {
  meldpunt: 'Meldpunt',
  medewerker: 'Medewerker',
  partner: 'Partner',
  burger: 'Burger',
  anoniem: 'Anoniem',
} as const satisfies Record<HowReceived, string>;

export const SUBJECT_TYPE_LABELS_NL = {
  person: 'Persoon',
  organisation: 'Organisatie',
  address: 'Adres of pand',
  vehicle: 'Voertuig',
  bank_account: 'Bankrekening',
  phone: 'Telefoonnummer',
  email: 'E-mailadres',
} as const satisfies Record<SubjectType, string>;

export const SUBJECT_ROLE_LABELS_NL = {
  kopstuk: 'Kopstuk',
  faciliteerder: 'Faciliteerder',
  locatie: 'Locatie',
  gelegenheid: 'Gelegenheid',
  vermogen: 'Vermogen',
  eigenaar: 'Eigenaar',
  huurder: 'Huurder',
  bewoner: 'Bewoner',
  bestuurder: 'Bestuurder',
  ubo: 'Uiteindelijk belanghebbende (UBO)',
  werkgever: 'Werkgever',
  zorgaanbieder: 'Zorgaanbieder',
  melder: 'Melder',
  betrokkene: 'Betrokkene',
} as const satisfies Record<SubjectRole, string>;

export const SUBJECT_LINK_KIND_LABELS_NL = {
  works_for: 'werkt voor',
  lives_at: 'woont op',
  registered_at: 'is gevestigd op',
  director_of: 'is bestuurder van',
  owns: 'is eigenaar van',
  uses: 'gebruikt',
  account_holder_of: 'is rekeninghouder van',
  family_of: 'is familie van',
  associated_with: 'heeft contact met',
} as const satisfies Record<SubjectLinkKind, string>;

export const PARTNER_LABELS_NL = {
  gemeente_vergunningen: 'Gemeente – vergunningen',
  gemeente_handhaving: 'Gemeente – handhaving',
  gemeente_sociaal_domein: 'Gemeente – sociaal domein',
  gemeente_belastingen: 'Gemeente – belastingen',
  gemeente_burgerzaken: 'Gemeente – burgerzaken',
  gemeente_vastgoed: 'Gemeente – vastgoed',
  politie: 'Politie',
  openbaar_ministerie: 'Openbaar Ministerie',
  belastingdienst: 'Belastingdienst',
  riec: 'RIEC',
  fiod: 'FIOD',
  arbeidsinspectie: 'Nederlandse Arbeidsinspectie',
  uwv: 'UWV',
  douane: 'Douane',
  kmar: 'Koninklijke Marechaussee',
  ind: 'IND',
  provincie: 'Provincie',
  woningcorporatie: 'Woningcorporatie',
  zorgverzekeraar: 'Zorgverzekeraar',
} as const satisfies Record<Partner, string>;

export const PRIORITY_LABELS_NL = {
  hoog: 'Hoog',
  normaal: 'Normaal',
  laag: 'Laag',
} as const satisfies Record<Priority, string>;

export const LEGAL_FORM_LABELS_NL = {
  eenmanszaak: 'Eenmanszaak',
  vof: 'Vennootschap onder firma',
  cv: 'Commanditaire vennootschap',
  maatschap: 'Maatschap',
  bv: 'Besloten vennootschap',
  nv: 'Naamloze vennootschap',
  stichting: 'Stichting',
  vereniging: 'Vereniging',
  cooperatie: 'Coöperatie',
  buitenlandse_rechtsvorm: 'Buitenlandse rechtsvorm',
  overig: 'Overig',
} as const satisfies Record<LegalForm, string>;

export const MEASURE_KIND_LABELS_NL = {
  bibob_toets: 'Bibob-toets',
  opiumwet_13b_waarschuwing: 'Art. 13b Opiumwet – waarschuwing',
  opiumwet_13b_last_onder_dwangsom: 'Art. 13b Opiumwet – last onder dwangsom',
  opiumwet_13b_sluiting: 'Art. 13b Opiumwet – sluiting',
  gemeentewet_174a: 'Art. 174a Gemeentewet – sluiting',
  vergunning_geweigerd_of_ingetrokken: 'Vergunning geweigerd of ingetrokken',
  bestuurlijke_handhaving: 'Bestuurlijke handhaving',
  stopgesprek: 'Stopgesprek',
  huisbezoek: 'Huisbezoek',
  integrale_controle: 'Integrale controle',
  aangifte: 'Aangifte',
  opsporingsonderzoek: 'Opsporingsonderzoek',
  fiscale_actie: 'Fiscale actie',
  afpakken_vermogen: 'Afpakken van crimineel vermogen',
  zorg_hulpverlening: 'Zorg en hulpverlening',
  exit: 'Exit',
  schuldhulp: 'Schuldhulp',
  overig: 'Overig',
} as const satisfies Record<MeasureKind, string>;

export const MEASURE_STAGE_LABELS_NL = {
  gepland: 'Gepland',
  lopend: 'Lopend',
  besloten: 'Besloten',
  afgerond: 'Afgerond',
  vervallen: 'Vervallen',
} as const satisfies Record<MeasureStage, string>;

export const MATCH_KEY_KIND_LABELS_NL = {
  bsn: 'Zelfde BSN',
  name_birth_date: 'Zelfde naam en geboortedatum',
  kvk: 'Zelfde KvK-nummer',
  establishment: 'Zelfde vestigingsnummer',
  organisation_name: 'Zelfde bedrijfsnaam',
  address: 'Zelfde adres',
  bag_id: 'Zelfde BAG-object',
  kenteken: 'Zelfde kenteken',
  iban: 'Zelfde IBAN',
  phone: 'Zelfde telefoonnummer',
  email: 'Zelfde e-mailadres',
} as const satisfies Record<MatchKeyKind, string>;

/** The outcome rows of the yearly report (shared/api/reports.ts): the CSV, `kluis report` and the screen. */
export const OUTCOME_LABELS_NL: Record<OutcomeKey, string> = {
  signals_received: 'Signalen ontvangen',
  signals_in_dossier: 'Signalen opgenomen in een dossier',
  signals_loose: 'Signalen zonder dossier',
  dossiers_opened: 'Dossiers geopend',
  reached_informatieplein: 'Ingebracht in het informatieplein',
  reached_preweeg: 'Preweegdocument opgesteld',
  reached_stuurploeg: 'Voorgelegd aan de stuurploeg',
  stuurploeg_aanpakken: 'Stuurploeg: aanpakken',
  stuurploeg_niet_aanpakken: 'Stuurploeg: niet aanpakken',
  stuurploeg_terug: 'Stuurploeg: terug voor meer informatie',
  reached_interventie: 'Met interventie',
  regulier_afgehandeld: 'Regulier afgehandeld',
  afgesloten_opgelost: 'Afgesloten: opgelost',
  afgesloten_overgedragen: 'Afgesloten: overgedragen',
  afgesloten_geen_grond: 'Afgesloten: geen grond',
  afgesloten_verjaard: 'Afgesloten: verjaard',
  still_open: 'Nog in behandeling',
};

/** The fields of each subject type, as the subject form and the access-request report name them. */
export const SUBJECT_FIELD_LABELS_NL = {
  person: { name: 'Naam', birthDate: 'Geboortedatum', bsn: 'BSN' },
  organisation: { name: 'Naam', kvkNumber: 'KvK-nummer', vestigingsnummer: 'Vestigingsnummer', legalForm: 'Rechtsvorm' },
  address: {
    postcode: 'Postcode',
    houseNumber: 'Huisnummer',
    houseNumberAddition: 'Toevoeging',
    street: 'Straat',
    city: 'Plaats',
    bagId: 'BAG-id',
    use: 'Gebruik',
  },
  vehicle: { kenteken: 'Kenteken', description: 'Omschrijving' },
  bank_account: { iban: 'IBAN', holderName: 'Naam rekeninghouder' },
  phone: { number: 'Telefoonnummer' },
  email: { address: 'E-mailadres' },
} satisfies Record<SubjectType, Record<string, string>>;
