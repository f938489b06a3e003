import type { ClosingReason, DossierStatus, MeasureKind, SubjectLinkKind, SubjectRole, SubjectType } from './enums';

/**
 * The English words for the machine values that the audit trail's sentences name
 * (shared/i18n/audit-sentences.ts); the UI's English resources take them from here too, so that
 * there is one copy. `satisfies Record<...>` makes a value without a label a compile error.
 */

export const DOSSIER_STATUS_LABELS_EN = {
  ontvangen: 'Signal received',
  in_opwerking: 'Being worked up',
  voorgelegd_driehoek: 'Put to the mayor / local triangle',
  informatieplein: 'Brought into the information exchange',
  preweeg_concept: 'Pre-assessment draft',
  preweeg_akkoord: 'Pre-assessment approved by the local triangle',
  stuurploeg: 'Steering group decision',
  aanpak: 'Project group / case meeting',
  interventie: 'Intervention(s) under way',
  regulier_afgehandeld: 'Handled through regular channels',
  afgesloten: 'Closed',
} as const satisfies Record<DossierStatus, string>;

export const CLOSING_REASON_LABELS_EN = {
  opgelost: 'Resolved',
  overgedragen: 'Handed over',
  geen_grond: 'No grounds',
  verjaard: 'Time-barred',
} as const satisfies Record<ClosingReason, string>;

export const SUBJECT_TYPE_LABELS_EN = {
  person: 'Person',
  organisation: 'Organisation',
  address: 'Address or premises',
  vehicle: 'Vehicle',
  bank_account: 'Bank account',
  phone: 'Phone number',
  email: 'E-mail address',
} as const satisfies Record<SubjectType, string>;

export const SUBJECT_ROLE_LABELS_EN = {
  kopstuk: 'Leading figure',
  faciliteerder: 'Facilitator',
  locatie: 'Location',
  gelegenheid: 'Opportunity',
  vermogen: 'Assets',
  eigenaar: 'Owner',
  huurder: 'Tenant',
  bewoner: 'Resident',
  bestuurder: 'Director',
  ubo: 'Ultimate beneficial owner (UBO)',
  werkgever: 'Employer',
  zorgaanbieder: 'Care provider',
  melder: 'Reporter',
  betrokkene: 'Involved',
} as const satisfies Record<SubjectRole, string>;

export const SUBJECT_LINK_KIND_LABELS_EN = {
  works_for: 'works for',
  lives_at: 'lives at',
  registered_at: 'is registered at',
  director_of: 'is director of',
  owns: 'owns',
  uses: 'uses',
  account_holder_of: 'is account holder of',
  family_of: 'is family of',
  associated_with: 'is in contact with',
} as const satisfies Record<SubjectLinkKind, string>;

export const MEASURE_KIND_LABELS_EN = {
  bibob_toets: 'Bibob screening',
  opiumwet_13b_waarschuwing: 'Art. 13b Opium Act – warning',
  opiumwet_13b_last_onder_dwangsom: 'Art. 13b Opium Act – order subject to a penalty',
  opiumwet_13b_sluiting: 'Art. 13b Opium Act – closure',
  gemeentewet_174a: 'Art. 174a Municipalities Act – closure',
  vergunning_geweigerd_of_ingetrokken: 'Permit refused or withdrawn',
  bestuurlijke_handhaving: 'Administrative enforcement',
  stopgesprek: 'Stop talk',
  huisbezoek: 'Home visit',
  integrale_controle: 'Joint inspection',
  aangifte: 'Criminal complaint',
  opsporingsonderzoek: 'Criminal investigation',
  fiscale_actie: 'Tax action',
  afpakken_vermogen: 'Confiscation of criminal assets',
  zorg_hulpverlening: 'Care and support',
  exit: 'Exit programme',
  schuldhulp: 'Debt support',
  overig: 'Other',
} as const satisfies Record<MeasureKind, string>;

/**
 * English names for the seeded phenomena and sub-forms, by code. The vault stores the Dutch name
 * (editable data, labels-nl.ts); the English UI shows these only while a seeded phenomenon still
 * carries its seeded Dutch name, so that a municipality's own renaming is never overruled.
 */
export const PHENOMENON_LABELS_EN: Readonly<Record<string, string>> = {
  drugs: 'Drugs',
  'drugs.drugshandel': 'Trade in hard and soft drugs',
  'drugs.drugsgebruik': 'Drug use',
  'drugs.hennepteelt': 'Cannabis cultivation',
  'drugs.productie_harddrugs': 'Production of hard drugs',
  'drugs.maatschappelijke_acceptatie': 'Social acceptance',
  illegaal_gokken: 'Illegal gambling',
  'illegaal_gokken.poker': 'Poker',
  'illegaal_gokken.illegale_gokzuilen': 'Illegal gambling machines',
  arbeidsuitbuiting: 'Labour exploitation',
  'arbeidsuitbuiting.slechte_werkomstandigheden': 'Poor working conditions',
  'arbeidsuitbuiting.illegale_kamerverhuur': 'Illegal room letting',
  'arbeidsuitbuiting.huur_ingehouden_op_loon': 'Rent withheld from wages',
  'arbeidsuitbuiting.overbewoning': 'Overcrowding',
  milieu: 'Environment',
  'milieu.afvaldumping': 'Waste dumping',
  'milieu.asbest_zonder_registratie': 'Asbestos without registration',
  'milieu.vervuilde_grond': 'Contaminated soil',
  'milieu.witgoed_zonder_registratie': 'White goods without registration',
  zorgfraude: 'Healthcare fraud',
  'zorgfraude.zorg_niet_geleverd': 'Care billed but not delivered',
  'zorgfraude.ronselen_clienten': 'Recruiting clients',
  'zorgfraude.kamerverhuur': 'Combined with room letting',
  'zorgfraude.pgb_fraude': 'Personal budget (pgb) fraud',
  witwassen: 'Money laundering',
  omg: 'Outlaw Motorcycle Gangs (OMG)',
  heling: 'Handling stolen goods',
  mensenhandel: 'Human trafficking',
  vastgoedfraude: 'Real estate fraud',
  witteboordencriminaliteit: 'White-collar crime',
  misbruik_vrijplaatsen: 'Misuse of free zones and business parks',
  'misbruik_vrijplaatsen.vrijplaatsen': 'Free zones',
  'misbruik_vrijplaatsen.bedrijventerreinen': 'Business parks',
  'misbruik_vrijplaatsen.buitengebied': 'Rural areas',
};
