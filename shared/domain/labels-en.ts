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
