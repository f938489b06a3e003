import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandlerName, Input, Output } from '../../../shared/api';
import type { SubjectDetailsInput } from '../../../shared/api/subject-details';
import type {
  ClosingReason,
  DossierStatus,
  HowReceived,
  InformationGrade,
  MeasureKind,
  MeasureStage,
  Partner,
  Priority,
  SourceGrade,
  SubjectLinkKind,
  SubjectRole,
  TlpCode,
} from '../../../shared/domain/enums';
import { addToIsoDate } from '../../../shared/domain/dates';
import type { ProvenanceInput } from '../../../shared/domain/sharing';
import { Core } from '../api/core';
import { CoreError } from '../kernel/errors';
import { demoFiles } from './demo-files';
import { Vault, type VaultOptions } from '../vault/vault';
import { ownedPathsOf } from '../vault/vault-files';

/**
 * Demo content for a newcomer: about 40 signals and 12 dossiers over the source's five phenomena,
 * with subjects, links, notes and measures, and some subjects that occur in several dossiers so
 * that "komt ook voor in" has something to show; a casustafel and an informatieplein.
 *
 * The facts carry provenance so that the sharing regime (docs/sharing-regime.md) has something to
 * decide: police notes under the Wpg, a Belastingdienst measure under the AWR, a woningcorporatie
 * signal, findings of the municipality's own departments, one attachment whose supplier's terms
 * were never recorded. The regime holds the GREEN casustafel's agenda items back whole, because a
 * woningcorporatie sits at the table and each dossier's summary is art. 10 data; behind them are
 * dossier 2025-0001's two TLP:RED bank-account links and its TLP:RED police note. Facts without explicit provenance get the core's defaults for their
 * partner or origin (a police note: Wpg), or are the municipality's own. Everything is made up and plainly so: names like
 * "Jan Testpersoon", the town "Voorbeeldstad", postcodes 9999 Z?, KvK numbers 0000xxxx, number
 * plates with a Q (never issued in the Netherlands), IBANs with the bank code TEST.
 *
 * The content goes in through the core API (`core.call`), so the real validation and the audit
 * trail apply. A seeded PRNG picks dates and gradings: the same seed gives the same vault content
 * (the timestamps of recording excepted).
 */

export const DEMO_SEED = 20_180_501;
export const DEMO_ACTOR = 'P. Leider (demo)';

export interface DemoSummary {
  meetings: number;
  signals: number;
  dossiers: number;
  subjects: number;
  dossierLinks: number;
  subjectLinks: number;
  notes: number;
  measures: number;
  attachments: number;
}

/** Anything with the core's `call`: the Core itself in the CLI and the tests. */
export type DemoCaller = Pick<Core, 'call'>;

// ── Deterministic randomness ────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, and the same sequence on every platform for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Dice {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }
}

// ── Plainly fictional identifiers ──────────────────────────────────────────────────────────

/** A Dutch IBAN with the made-up bank code TEST and correct mod-97 check digits. */
export function testIban(accountNumber: number): string {
  const bban = `TEST${String(accountNumber).padStart(10, '0')}`;
  // Rearranged with check digits 00, letters as 10..35; 98 minus the remainder gives the check digits.
  const numeric = [...`${bban}NL00`].map((character) => Number.parseInt(character, 36).toString()).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `NL${String(98 - remainder).padStart(2, '0')}${bban}`;
}

function addDays(isoDate: string, days: number): string {
  return addToIsoDate(isoDate, { days });
}

const CITY = 'Voorbeeldstad';
/**
 * The municipality's own werkbestand rests on its own tasks, not on the Wgs (which governs processing
 * within the RIEC, and numbers its articles 1.1, 2.3, ...): DOMAIN.md, docs/sharing-regime.md.
 */
const LEGAL_BASIS = 'Eigen publieke taak: Gemeentewet, Opiumwet art. 13b, Wet Bibob (demo)';
const PURPOSE = 'Bestuurlijke aanpak ondermijning (demonstratie)';

// ── Subjects ────────────────────────────────────────────────────────────────────────────────

interface SubjectSpec {
  details: SubjectDetailsInput;
  sourceGrade: SourceGrade;
  informationGrade: InformationGrade;
  tlp?: TlpCode;
}

const address = (street: string, houseNumber: number, postcode: string, use: string, addition?: string): SubjectDetailsInput => ({
  type: 'address',
  street,
  houseNumber,
  houseNumberAddition: addition,
  postcode,
  city: CITY,
  use,
});

const SUBJECTS = {
  jan: { details: { type: 'person', name: 'Jan Testpersoon', birthDate: '1979-03-14' }, sourceGrade: 'B', informationGrade: 2 },
  kees: { details: { type: 'person', name: 'Kees Voorbeeld', birthDate: '1985-07-02' }, sourceGrade: 'B', informationGrade: 3 },
  fatima: { details: { type: 'person', name: 'Fatima Fictief', birthDate: '1990-11-23' }, sourceGrade: 'A', informationGrade: 2 },
  pieter: { details: { type: 'person', name: 'Pieter Proefmans', birthDate: '1968-05-30' }, sourceGrade: 'C', informationGrade: 3 },
  anna: { details: { type: 'person', name: 'Anna Verzonnen', birthDate: '1972-09-09' }, sourceGrade: 'B', informationGrade: 2 },
  mohammed: { details: { type: 'person', name: 'Mohammed Oefenaar', birthDate: '1988-01-17' }, sourceGrade: 'X', informationGrade: 4 },
  sanne: { details: { type: 'person', name: 'Sanne Steekproef', birthDate: '1995-04-04' }, sourceGrade: 'A', informationGrade: 1 },
  piotr: { details: { type: 'person', name: 'Piotr Testowski', birthDate: '1983-12-12' }, sourceGrade: 'B', informationGrade: 3 },
  petra: { details: { type: 'person', name: 'Petra de Demo', birthDate: '1961-06-21' }, sourceGrade: 'B', informationGrade: 2 },
  // The same woman entered again from another source, surname first: a look-alike to merge.
  petraAgain: { details: { type: 'person', name: 'DEMO, Petra de', birthDate: '1961-06-21' }, sourceGrade: 'C', informationGrade: 3 },
  henk: { details: { type: 'person', name: 'Henk Nepkamp', birthDate: '1958-02-28' }, sourceGrade: 'B', informationGrade: 3 },
  lisa: { details: { type: 'person', name: 'Lisa Denkbeeld', birthDate: '1992-08-15' }, sourceGrade: 'A', informationGrade: 2 },

  voorbeeldHandel: {
    details: { type: 'organisation', name: 'Voorbeeld Handel B.V.', kvkNumber: '00001001', vestigingsnummer: '000000010011', legalForm: 'bv' },
    sourceGrade: 'A',
    informationGrade: 1,
  },
  // Entered again in another dossier from a partner's list: same KvK, slightly other spelling.
  voorbeeldHandelAgain: {
    details: { type: 'organisation', name: 'Voorbeeld Handel BV', kvkNumber: '0000 1001', legalForm: 'bv' },
    sourceGrade: 'B',
    informationGrade: 3,
  },
  proefkamer: {
    details: { type: 'organisation', name: 'Shishalounge De Proefkamer', kvkNumber: '00001002', legalForm: 'eenmanszaak' },
    sourceGrade: 'A',
    informationGrade: 1,
  },
  belwinkel: { details: { type: 'organisation', name: 'Belwinkel Testcentrum V.O.F.', kvkNumber: '00001003', legalForm: 'vof' }, sourceGrade: 'A', informationGrade: 1 },
  fictiefWerk: {
    details: { type: 'organisation', name: 'Fictief Werk Uitzendbureau B.V.', kvkNumber: '00001004', vestigingsnummer: '000000010044', legalForm: 'bv' },
    sourceGrade: 'A',
    informationGrade: 1,
  },
  demoSloop: { details: { type: 'organisation', name: 'Demo Sloop en Afvoer V.O.F.', kvkNumber: '00001005', legalForm: 'vof' }, sourceGrade: 'A', informationGrade: 1 },
  oefenhandel: { details: { type: 'organisation', name: 'Witgoed Oefenhandel', kvkNumber: '00001006', legalForm: 'eenmanszaak' }, sourceGrade: 'A', informationGrade: 1 },
  zorgVoorbeeld: { details: { type: 'organisation', name: 'Zorg Voorbeeld B.V.', kvkNumber: '00001007', legalForm: 'bv' }, sourceGrade: 'A', informationGrade: 1 },
  proefzorg: { details: { type: 'organisation', name: 'Stichting Proefzorg Thuis', kvkNumber: '00001008', legalForm: 'stichting' }, sourceGrade: 'A', informationGrade: 1 },
  testtransport: { details: { type: 'organisation', name: 'Testtransport Noord B.V.', kvkNumber: '00001009', legalForm: 'bv' }, sourceGrade: 'B', informationGrade: 2 },

  proefstraat12: { details: address('Proefstraat', 12, '9999 ZA', 'bedrijfspand'), sourceGrade: 'A', informationGrade: 1 },
  proefstraat40: { details: address('Proefstraat', 40, '9999 ZA', 'woning (kamerverhuur)'), sourceGrade: 'A', informationGrade: 1 },
  // Another flat in the same building: matches Proefstraat 40 on postcode and house number.
  proefstraat40b: { details: address('Proefstraat', 40, '9999 ZA', 'woning', 'B'), sourceGrade: 'B', informationGrade: 2 },
  testlaan3: { details: address('Testlaan', 3, '9999 ZB', 'leegstaand winkelpand'), sourceGrade: 'A', informationGrade: 1 },
  oefenplein7: { details: address('Oefenplein', 7, '9999 ZC', 'horeca'), sourceGrade: 'A', informationGrade: 1 },
  denkbeeldweg21: { details: address('Denkbeeldweg', 21, '9999 ZD', 'loods op bedrijventerrein'), sourceGrade: 'A', informationGrade: 1 },
  voorbeeldhof5: { details: address('Voorbeeldhof', 5, '9999 ZE', 'kantoor'), sourceGrade: 'A', informationGrade: 1 },
  nepweg88: { details: address('Nepweg', 88, '9999 ZG', 'woning'), sourceGrade: 'B', informationGrade: 2 },

  busQ1: { details: { type: 'vehicle', kenteken: 'QQ-001-Q', description: 'Witte bestelbus, demo-merk' }, sourceGrade: 'B', informationGrade: 2 },
  autoQ2: { details: { type: 'vehicle', kenteken: 'QQ-002-Q', description: 'Zwarte personenauto' }, sourceGrade: 'B', informationGrade: 3 },
  truckQ3: { details: { type: 'vehicle', kenteken: 'QQ-003-Q', description: 'Vrachtwagen met kiepbak' }, sourceGrade: 'C', informationGrade: 3 },

  rekeningJan: { details: { type: 'bank_account', iban: testIban(101), holderName: 'J. Testpersoon' }, sourceGrade: 'A', informationGrade: 2, tlp: 'RED' },
  rekeningHandel: { details: { type: 'bank_account', iban: testIban(102), holderName: 'Voorbeeld Handel B.V.' }, sourceGrade: 'A', informationGrade: 2, tlp: 'RED' },
  rekeningZorg: { details: { type: 'bank_account', iban: testIban(103), holderName: 'Zorg Voorbeeld B.V.' }, sourceGrade: 'A', informationGrade: 1, tlp: 'RED' },

  telefoonKees: { details: { type: 'phone', number: '06-00000101' }, sourceGrade: 'C', informationGrade: 3 },
  mailZorg: { details: { type: 'email', address: 'administratie@zorgvoorbeeld.example' }, sourceGrade: 'A', informationGrade: 1 },
} satisfies Record<string, SubjectSpec>;

type SubjectKey = keyof typeof SUBJECTS;

/** Police information as the police share it at the RIEC table: Wet politiegegevens, not for a decision without their consent. */
const POLICE: ProvenanceInput = { originator: 'politie', receivedUnder: 'wpg', restriction: 'geen_besluit_zonder_toestemming' };
/** Tax and FIOD information under the AWR: the municipality may use it, not pass it on. */
const FISCAL = (originator: 'belastingdienst' | 'fiod'): ProvenanceInput => ({ originator, receivedUnder: 'awr', restriction: 'niet_verder_verstrekken' });

/**
 * Who holds which bank account came from the police and the FIOD, marked RED like the accounts
 * themselves: a link's label names the IBAN, so it must not travel on a lower code than the account.
 */
const RED_ACCOUNT = (provenance: ProvenanceInput) => ({ tlp: 'RED' as const, provenance });
/** Passed on by the RIEC without the original supplier's terms, as all data recorded before version 12: ask before it leaves the municipality. */
const TERMS_UNKNOWN: ProvenanceInput = { originator: 'riec', receivedUnder: null, restriction: 'vraag_leverancier' };

const SUBJECT_LINKS: Array<[SubjectKey, SubjectLinkKind, SubjectKey, { tlp: TlpCode; provenance: ProvenanceInput }?]> = [
  ['jan', 'director_of', 'voorbeeldHandel'],
  ['voorbeeldHandel', 'registered_at', 'proefstraat12'],
  ['jan', 'account_holder_of', 'rekeningJan', RED_ACCOUNT(POLICE)],
  ['voorbeeldHandel', 'account_holder_of', 'rekeningHandel', RED_ACCOUNT(POLICE)],
  ['jan', 'uses', 'autoQ2'],
  ['voorbeeldHandel', 'owns', 'busQ1'],
  ['kees', 'works_for', 'proefkamer'],
  ['kees', 'uses', 'telefoonKees'],
  ['proefkamer', 'registered_at', 'oefenplein7'],
  ['fatima', 'director_of', 'belwinkel'],
  ['belwinkel', 'registered_at', 'proefstraat12'],
  ['anna', 'director_of', 'fictiefWerk'],
  ['piotr', 'works_for', 'fictiefWerk'],
  ['piotr', 'lives_at', 'proefstraat40'],
  ['pieter', 'owns', 'proefstraat40'],
  ['mohammed', 'director_of', 'demoSloop'],
  ['demoSloop', 'owns', 'truckQ3'],
  ['demoSloop', 'registered_at', 'denkbeeldweg21'],
  ['henk', 'director_of', 'oefenhandel'],
  ['oefenhandel', 'registered_at', 'testlaan3'],
  ['petra', 'director_of', 'zorgVoorbeeld'],
  ['zorgVoorbeeld', 'registered_at', 'voorbeeldhof5'],
  ['zorgVoorbeeld', 'account_holder_of', 'rekeningZorg', RED_ACCOUNT(FISCAL('fiod'))],
  ['zorgVoorbeeld', 'uses', 'mailZorg'],
  ['lisa', 'works_for', 'proefzorg'],
  ['petra', 'associated_with', 'proefzorg'],
  ['sanne', 'lives_at', 'nepweg88'],
];

/** Who supplied a link, read from the source the demo names: the police's, or the municipality's own look-up in a basis register. */
function provenanceOfSource(source: string): ProvenanceInput {
  return source.startsWith('Politie') ? { originator: 'politie' } : { originator: 'gemeente' };
}

// ── Dossiers ────────────────────────────────────────────────────────────────────────────────

interface SignalSpec {
  summary: string;
  description: string;
  location?: string;
  howReceived: HowReceived;
  origin?: Partner;
  reporterName?: string;
  provenance?: ProvenanceInput;
}

/** A subject in a dossier; `tlp` and `provenance` when the link's own differ from the dossier's. */
type DossierLinkSpec = [SubjectKey, SubjectRole, { tlp?: TlpCode; provenance?: ProvenanceInput }?];

interface DossierSpec {
  title: string;
  phenomena: string[];
  priority: Priority;
  openedOn: string;
  target: DossierStatus;
  closingReason?: ClosingReason;
  summary: string;
  partners: Partner[];
  tlp: TlpCode;
  signals: SignalSpec[];
  links: DossierLinkSpec[];
  notes: Array<{ body: string; partner?: Partner; internal?: boolean; tlp?: TlpCode; provenance?: ProvenanceInput }>;
  measures: Array<{ kind: MeasureKind; partner: Partner; stage: MeasureStage; description: string; outcome?: string; provenance?: ProvenanceInput }>;
}

const DOSSIERS: DossierSpec[] = [
  {
    title: 'Hennepkwekerij in bedrijfspand Proefstraat 12',
    phenomena: ['drugs.hennepteelt'],
    priority: 'hoog',
    openedOn: '2025-01-13',
    target: 'interventie',
    summary: 'Vermoeden van een hennepkwekerij in het bedrijfspand van Voorbeeld Handel B.V.: hoog stroomverbruik, afgeplakte ramen, geur. (Fictief demodossier.)',
    partners: ['politie', 'gemeente_handhaving', 'belastingdienst', 'riec'],
    tlp: 'AMBER+STRICT',
    signals: [
      {
        summary: 'Sterke hennepgeur en afgeplakte ramen bij Proefstraat 12',
        description: 'Een toezichthouder rook bij een controle in de straat een sterke hennepgeur. De ramen van het pand zijn van binnen afgeplakt.',
        location: 'Proefstraat 12, Voorbeeldstad',
        howReceived: 'medewerker',
        origin: 'gemeente_handhaving',
        reporterName: 'T. Toezicht (demo)',
        provenance: { originator: 'gemeente_handhaving', receivedUnder: 'eigen_taak_opiumwet_13b', restriction: 'vrij' },
      },
      {
        summary: 'Netbeheerder meldt afwijkend stroomverbruik bedrijfspand',
        description: 'Het verbruik is in een half jaar verviervoudigd, zonder zichtbare bedrijfsactiviteit overdag.',
        location: 'Proefstraat 12, Voorbeeldstad',
        howReceived: 'partner',
        origin: 'politie',
        provenance: POLICE,
      },
    ],
    links: [
      ['jan', 'kopstuk'],
      ['voorbeeldHandel', 'eigenaar'],
      ['proefstraat12', 'locatie'],
      ['busQ1', 'gelegenheid', { provenance: TERMS_UNKNOWN }],
      // The bank accounts came from the police, marked RED: the regime keeps them out of every output but the user's own.
      ['rekeningHandel', 'vermogen', RED_ACCOUNT(POLICE)],
      ['rekeningJan', 'vermogen', RED_ACCOUNT(POLICE)],
    ],
    notes: [
      { body: "Politie bevestigt dat de bestelbus QQ-001-Q meermaals 's nachts bij het pand is gezien.", partner: 'politie', provenance: POLICE },
      {
        body: 'Handhaving heeft het pand bezocht; toegang geweigerd. Tweede bezoek met politie ingepland.',
        partner: 'gemeente_handhaving',
        provenance: { originator: 'gemeente_handhaving', receivedUnder: 'eigen_taak_opiumwet_13b', restriction: 'vrij' },
      },
      { body: 'Eigen inschatting: mogelijk onderdeel van een groter netwerk, zie ook de belwinkel op hetzelfde adres.', internal: true },
      // Last, so that the notes before them keep the dates other tests know them by.
      {
        body: 'RIEC: de bestelbus komt ook voor in een analyse voor een andere gemeente; onder welke voorwaarden de bron dit deelt, is nog niet bekend.',
        partner: 'riec',
        tlp: 'AMBER',
        provenance: TERMS_UNKNOWN,
      },
      {
        body: 'Politie (alleen voor de regisseur): de bestelbus staat op naam van een katvanger; er loopt een opsporingsonderzoek naar de eigenaar van het pand.',
        partner: 'politie',
        tlp: 'RED',
        provenance: POLICE,
      },
    ],
    measures: [
      {
        kind: 'opiumwet_13b_last_onder_dwangsom',
        partner: 'gemeente_handhaving',
        stage: 'lopend',
        description: 'Last onder dwangsom op grond van art. 13b Opiumwet na aantreffen kwekerij.',
        provenance: { originator: 'gemeente_handhaving', receivedUnder: 'eigen_taak_opiumwet_13b', restriction: 'vrij' },
      },
      {
        kind: 'fiscale_actie',
        partner: 'belastingdienst',
        stage: 'gepland',
        description: 'Boekenonderzoek Voorbeeld Handel B.V.',
        provenance: FISCAL('belastingdienst'),
      },
      {
        kind: 'aangifte',
        partner: 'politie',
        stage: 'afgerond',
        description: 'Aangifte diefstal van stroom door netbeheerder.',
        outcome: 'Aangifte opgenomen.',
        provenance: POLICE,
      },
    ],
  },
  {
    title: 'Drugshandel vanuit Shishalounge De Proefkamer',
    phenomena: ['drugs.drugshandel'],
    priority: 'hoog',
    openedOn: '2025-02-03',
    target: 'aanpak',
    summary: 'Signalen van drugshandel aan de achterdeur van een shishalounge; Jan Testpersoon wordt er vaak gezien.',
    partners: ['politie', 'gemeente_vergunningen', 'openbaar_ministerie'],
    tlp: 'AMBER',
    signals: [
      {
        summary: 'Veel kort verkeer bij achterdeur shishalounge',
        description: "Buurtbewoners zien 's avonds veel bezoekers die binnen enkele minuten weer vertrekken via de achterdeur.",
        location: 'Oefenplein 7, Voorbeeldstad',
        howReceived: 'burger',
        reporterName: 'B. Buurtbewoner (demo)',
      },
      {
        summary: 'Wijkagent ziet overdrachten bij De Proefkamer',
        description: 'De wijkagent zag twee keer een overdracht van kleine pakketjes bij de lounge.',
        location: 'Oefenplein 7, Voorbeeldstad',
        howReceived: 'partner',
        origin: 'politie',
      },
    ],
    links: [
      ['proefkamer', 'gelegenheid'],
      ['oefenplein7', 'locatie'],
      ['kees', 'faciliteerder'],
      ['jan', 'betrokkene'],
      ['telefoonKees', 'betrokkene'],
    ],
    notes: [
      { body: 'Exploitatievergunning loopt over drie maanden af; Bibob-toets bij verlenging voorgesteld.', partner: 'gemeente_vergunningen' },
      { body: 'Casustafel 1: afspraak dat politie extra surveilleert; vervolg over zes weken.' },
    ],
    measures: [{ kind: 'bibob_toets', partner: 'gemeente_vergunningen', stage: 'lopend', description: 'Bibob-toets bij aanvraag verlenging exploitatievergunning.' }],
  },
  {
    title: 'Illegale gokzuilen in Belwinkel Testcentrum',
    phenomena: ['illegaal_gokken.illegale_gokzuilen'],
    priority: 'normaal',
    openedOn: '2025-02-24',
    target: 'preweeg_akkoord',
    summary: 'In de achterruimte van een belwinkel zouden gokzuilen staan. De winkel is gevestigd op hetzelfde adres als Voorbeeld Handel B.V.',
    partners: ['politie', 'gemeente_handhaving'],
    tlp: 'AMBER+STRICT',
    signals: [
      {
        summary: 'Gokzuilen gezien in achterruimte belwinkel',
        description: 'Melder zag in de achterruimte drie gokzuilen waar mannen geld in staken.',
        location: 'Proefstraat 12, Voorbeeldstad',
        howReceived: 'meldpunt',
        reporterName: 'M. Melder (demo)',
      },
    ],
    links: [
      ['belwinkel', 'gelegenheid'],
      ['fatima', 'bestuurder'],
      ['proefstraat12', 'locatie'],
    ],
    notes: [{ body: 'Belwinkel staat ingeschreven op Proefstraat 12; zie het hennepdossier op hetzelfde adres.', partner: 'riec' }],
    measures: [],
  },
  {
    title: 'Pokeravonden in leegstaand pand Testlaan 3',
    phenomena: ['illegaal_gokken.poker'],
    priority: 'normaal',
    openedOn: '2025-03-17',
    target: 'informatieplein',
    summary: 'Wekelijks illegale pokeravonden met hoge inzetten in een leegstaand winkelpand.',
    partners: ['politie', 'gemeente_vastgoed'],
    tlp: 'GREEN',
    signals: [
      {
        summary: 'Wekelijkse pokeravonden in leeg winkelpand',
        description: "Elke donderdagavond brandt licht achter dichte rolluiken; bezoekers met dure auto's.",
        location: 'Testlaan 3, Voorbeeldstad',
        howReceived: 'anoniem',
      },
    ],
    links: [
      ['testlaan3', 'locatie'],
      ['henk', 'eigenaar'],
      ['autoQ2', 'betrokkene'],
    ],
    notes: [{ body: 'Pand is eigendom van Henk Nepkamp; huurder onbekend.', partner: 'gemeente_vastgoed' }],
    measures: [],
  },
  {
    title: 'Overbewoning en huur ingehouden op loon, Proefstraat 40',
    phenomena: ['arbeidsuitbuiting.overbewoning', 'arbeidsuitbuiting.huur_ingehouden_op_loon'],
    priority: 'hoog',
    openedOn: '2025-03-31',
    target: 'preweeg_concept',
    summary: 'Veertien arbeidsmigranten in één woning; de huur wordt volgens hen door het uitzendbureau op het loon ingehouden.',
    partners: ['arbeidsinspectie', 'gemeente_burgerzaken', 'woningcorporatie'],
    tlp: 'AMBER+STRICT',
    signals: [
      {
        summary: 'Veertien personen ingeschreven op één woonadres',
        description: 'Burgerzaken ziet binnen twee maanden veertien nieuwe inschrijvingen op Proefstraat 40.',
        location: 'Proefstraat 40, Voorbeeldstad',
        howReceived: 'medewerker',
        origin: 'gemeente_burgerzaken',
        reporterName: 'A. Ambtenaar (demo)',
      },
      {
        summary: 'Bewoner vertelt over huur die op loon wordt ingehouden',
        description: 'Bij het wijkteam vertelde een bewoner dat hij na inhouding van huur en vervoer bijna niets overhoudt.',
        location: 'Proefstraat 40, Voorbeeldstad',
        howReceived: 'medewerker',
        origin: 'gemeente_sociaal_domein',
        reporterName: 'W. Wijkteam (demo)',
      },
      {
        summary: 'Woningcorporatie meldt onderverhuur van Proefstraat 40B',
        description: 'De huurder van 40B woont er volgens de buren niet meer; er wonen nu zes mannen die elke ochtend met een busje worden opgehaald.',
        location: 'Proefstraat 40B, Voorbeeldstad',
        howReceived: 'partner',
        origin: 'woningcorporatie',
        // A private party's report, received for the municipality's own task; the corporation wants to be asked before anyone acts on it.
        provenance: { originator: 'woningcorporatie', receivedUnder: 'eigen_taak_gemeentewet', restriction: 'geen_besluit_zonder_toestemming' },
      },
    ],
    links: [
      ['proefstraat40', 'locatie'],
      ['pieter', 'eigenaar'],
      ['fictiefWerk', 'werkgever'],
      ['piotr', 'bewoner'],
      ['proefstraat40b', 'locatie'],
    ],
    notes: [
      { body: 'Arbeidsinspectie kent Fictief Werk Uitzendbureau B.V. uit een eerdere inspectie.', partner: 'arbeidsinspectie' },
      { body: 'Concept-preweegdocument besproken met de teamchef; aanvulling over de huurcontracten nodig.' },
    ],
    measures: [
      {
        kind: 'huisbezoek',
        partner: 'gemeente_handhaving',
        stage: 'afgerond',
        description: 'Integraal huisbezoek met brandweer.',
        outcome: 'Twaalf bewoners aangetroffen; brandonveilige situatie.',
      },
    ],
  },
  {
    title: 'Fictief Werk Uitzendbureau: slechte werkomstandigheden',
    phenomena: ['arbeidsuitbuiting.slechte_werkomstandigheden'],
    priority: 'normaal',
    openedOn: '2025-04-14',
    target: 'stuurploeg',
    summary: 'Uitzendkrachten werken zonder beschermingsmiddelen lange dagen; het bureau huisvest hen ook.',
    partners: ['arbeidsinspectie', 'uwv', 'belastingdienst'],
    tlp: 'AMBER',
    signals: [
      {
        summary: 'Uitzendkrachten werken 12 uur per dag zonder pauze',
        description: 'Een vakbondsvertegenwoordiger meldt lange werkdagen en het ontbreken van beschermingsmiddelen.',
        howReceived: 'partner',
        origin: 'arbeidsinspectie',
      },
    ],
    links: [
      ['fictiefWerk', 'werkgever'],
      ['anna', 'bestuurder'],
      ['piotr', 'betrokkene'],
    ],
    notes: [{ body: 'UWV ziet veel korte dienstverbanden bij dit bureau.', partner: 'uwv' }],
    measures: [{ kind: 'integrale_controle', partner: 'arbeidsinspectie', stage: 'gepland', description: 'Integrale controle op de werklocatie.' }],
  },
  {
    title: 'Afvaldumpingen bij bedrijventerrein Denkbeeldweg',
    phenomena: ['milieu.afvaldumping'],
    priority: 'normaal',
    openedOn: '2025-05-05',
    target: 'in_opwerking',
    summary: 'Herhaalde dumpingen van bouwafval langs de Denkbeeldweg; een vrachtwagen van Voorbeeld Handel is gezien.',
    partners: ['provincie', 'politie'],
    tlp: 'GREEN',
    signals: [
      {
        summary: 'Bouwafval gedumpt langs de Denkbeeldweg',
        description: 'Voor de derde keer deze maand ligt er een lading bouwafval in de berm.',
        location: 'Denkbeeldweg, Voorbeeldstad',
        howReceived: 'burger',
        reporterName: 'W. Wandelaar (demo)',
      },
      {
        summary: 'Camerabeelden tonen vrachtwagen bij dumplocatie',
        description: 'Beelden van een bedrijfscamera tonen een vrachtwagen met kiepbak; kenteken deels leesbaar.',
        location: 'Denkbeeldweg 21, Voorbeeldstad',
        howReceived: 'partner',
        origin: 'politie',
      },
    ],
    links: [
      ['voorbeeldHandelAgain', 'betrokkene'],
      ['truckQ3', 'gelegenheid'],
      ['denkbeeldweg21', 'locatie'],
    ],
    notes: [{ body: 'De omgevingsdienst van de provincie onderzoekt de herkomst van het afval.', partner: 'provincie' }],
    measures: [],
  },
  {
    title: 'Asbest zonder registratie: Demo Sloop en Afvoer',
    phenomena: ['milieu.asbest_zonder_registratie'],
    priority: 'hoog',
    openedOn: '2025-05-26',
    target: 'voorgelegd_driehoek',
    summary: 'Sloopbedrijf verwijdert asbest zonder melding en zonder certificaat.',
    partners: ['provincie', 'arbeidsinspectie'],
    tlp: 'AMBER',
    signals: [
      {
        summary: 'Asbestplaten verwijderd zonder sloopmelding',
        description: 'Buren zagen werklieden zonder beschermende kleding golfplaten van een schuur slopen.',
        location: 'Testlaan 3, Voorbeeldstad',
        howReceived: 'meldpunt',
        reporterName: 'G. Gebuur (demo)',
      },
    ],
    links: [
      ['demoSloop', 'faciliteerder'],
      ['mohammed', 'bestuurder'],
      ['truckQ3', 'gelegenheid'],
      ['denkbeeldweg21', 'locatie'],
    ],
    notes: [{ body: 'Geen sloopmelding bekend in het omgevingsloket.', partner: 'gemeente_vergunningen' }],
    measures: [],
  },
  {
    title: 'Witgoedhandel zonder registratie, Testlaan 3',
    phenomena: ['milieu.witgoed_zonder_registratie'],
    priority: 'laag',
    openedOn: '2025-06-09',
    target: 'regulier_afgehandeld',
    summary: 'Handel in gebruikt witgoed vanuit een leeg winkelpand, zonder registratie.',
    partners: ['gemeente_handhaving'],
    tlp: 'GREEN',
    signals: [
      {
        summary: 'Opslag van oude koelkasten in leeg winkelpand',
        description: 'Achter het pand staan tientallen koelkasten en wasmachines opgeslagen.',
        location: 'Testlaan 3, Voorbeeldstad',
        howReceived: 'medewerker',
        origin: 'gemeente_handhaving',
        reporterName: 'H. Handhaver (demo)',
      },
    ],
    links: [
      ['oefenhandel', 'betrokkene'],
      ['henk', 'eigenaar'],
      ['testlaan3', 'locatie'],
    ],
    notes: [{ body: 'Handhaving heeft een waarschuwing gegeven; verder regulier te volgen.', partner: 'gemeente_handhaving' }],
    measures: [
      {
        kind: 'bestuurlijke_handhaving',
        partner: 'gemeente_handhaving',
        stage: 'afgerond',
        description: 'Waarschuwing opslag zonder vergunning.',
        outcome: 'Opslag binnen twee weken verwijderd.',
      },
    ],
  },
  {
    title: 'Zorg Voorbeeld B.V.: zorg gedeclareerd maar niet geleverd',
    phenomena: ['zorgfraude.zorg_niet_geleverd'],
    priority: 'hoog',
    openedOn: '2025-06-23',
    target: 'preweeg_akkoord',
    summary: 'Declaraties voor dagbesteding van cliënten die volgens de wijkteams niet aanwezig waren.',
    partners: ['zorgverzekeraar', 'gemeente_sociaal_domein', 'fiod'],
    tlp: 'AMBER+STRICT',
    signals: [
      {
        summary: 'Declaraties dagbesteding zonder aanwezige cliënten',
        description: 'Het wijkteam ziet bij drie cliënten declaraties voor dagen waarop zij in het ziekenhuis lagen.',
        howReceived: 'medewerker',
        origin: 'gemeente_sociaal_domein',
        reporterName: 'Z. Zorgconsulent (demo)',
      },
      {
        summary: 'Zorgverzekeraar meldt afwijkend declaratiepatroon',
        description: 'Het aantal gedeclareerde uren per cliënt ligt ver boven het landelijke gemiddelde.',
        howReceived: 'partner',
        origin: 'zorgverzekeraar',
      },
    ],
    links: [
      ['zorgVoorbeeld', 'zorgaanbieder'],
      ['petra', 'bestuurder'],
      ['voorbeeldhof5', 'locatie'],
      ['rekeningZorg', 'vermogen', RED_ACCOUNT(FISCAL('fiod'))],
      ['mailZorg', 'betrokkene'],
    ],
    notes: [
      { body: 'Zorgverzekeraar heeft een materiële controle gedaan; uitkomst volgt.', partner: 'zorgverzekeraar' },
      { body: 'Preweegdocument akkoord in de lokale driehoek van deze week.' },
    ],
    measures: [{ kind: 'overig', partner: 'zorgverzekeraar', stage: 'lopend', description: 'Materiële controle van declaraties.' }],
  },
  {
    title: 'Ronselen van cliënten in combinatie met kamerverhuur',
    phenomena: ['zorgfraude.ronselen_clienten', 'zorgfraude.kamerverhuur'],
    priority: 'normaal',
    openedOn: '2025-07-14',
    target: 'ontvangen',
    summary: 'Kwetsbare mensen krijgen een kamer aangeboden als zij zich als cliënt laten inschrijven.',
    partners: ['gemeente_sociaal_domein'],
    tlp: 'AMBER+STRICT',
    signals: [
      {
        summary: 'Kamer aangeboden in ruil voor inschrijving als zorgcliënt',
        description: 'Een cliënt van de schuldhulp vertelt dat hem een kamer is beloofd als hij tekent bij Stichting Proefzorg Thuis.',
        location: 'Nepweg 88, Voorbeeldstad',
        howReceived: 'medewerker',
        origin: 'gemeente_sociaal_domein',
        reporterName: 'S. Schuldhulp (demo)',
      },
    ],
    links: [
      ['proefzorg', 'zorgaanbieder'],
      ['lisa', 'faciliteerder'],
      ['nepweg88', 'locatie'],
      ['sanne', 'betrokkene'],
      ['zorgVoorbeeld', 'betrokkene'],
    ],
    notes: [],
    measures: [],
  },
  {
    title: 'Pgb-fraude via familienetwerk',
    phenomena: ['zorgfraude.pgb_fraude'],
    priority: 'laag',
    openedOn: '2025-08-04',
    target: 'afgesloten',
    closingReason: 'geen_grond',
    summary: 'Vermoeden dat familieleden pgb-zorg declareren die niet wordt verleend.',
    partners: ['zorgverzekeraar', 'gemeente_sociaal_domein'],
    tlp: 'AMBER',
    signals: [
      {
        summary: 'Pgb-budget besteed aan familielid zonder zorgtaken',
        description: 'Anonieme tip dat het pgb van een cliënt wordt uitbetaald aan een familielid dat in het buitenland woont.',
        howReceived: 'anoniem',
      },
    ],
    links: [
      ['petraAgain', 'betrokkene'],
      ['anna', 'betrokkene'],
    ],
    notes: [{ body: 'Na controle door de SVB-demo blijkt de zorg wel geleverd. Geen grond voor verdere aanpak.', partner: 'zorgverzekeraar' }],
    measures: [],
  },
];

/** Loose signals: not (yet) in a dossier, so the intake list has something to work on. */
const LOOSE_SIGNALS: Array<SignalSpec & { phenomenon: string }> = [
  {
    phenomenon: 'drugs.drugsgebruik',
    summary: 'Jongeren gebruiken lachgas bij de speeltuin',
    description: 'Overal lege patronen rond het speelveld.',
    location: 'Speeltuin Proefpark, Voorbeeldstad',
    howReceived: 'burger',
    reporterName: 'O. Ouder (demo)',
  },
  {
    phenomenon: 'drugs.hennepteelt',
    summary: 'Wasemkap draait dag en nacht op zolder',
    description: 'Constant gezoem en warmte vanaf een zolderverdieping.',
    location: 'Nepweg 12, Voorbeeldstad',
    howReceived: 'anoniem',
  },
  {
    phenomenon: 'drugs.productie_harddrugs',
    summary: 'Chemische geur bij schuur in het buitengebied',
    description: 'Anijsachtige geur en jerrycans bij een vervallen schuur.',
    location: 'Verzonnenweg 3, Voorbeeldstad',
    howReceived: 'partner',
    origin: 'politie',
  },
  {
    phenomenon: 'drugs.maatschappelijke_acceptatie',
    summary: 'Drugsdealer sponsort lokale voetbalclub',
    description: 'Een bekende naam uit het drugscircuit zou de nieuwe shirts van een jeugdteam hebben betaald.',
    howReceived: 'meldpunt',
    reporterName: 'V. Vrijwilliger (demo)',
  },
  {
    phenomenon: 'drugs.drugshandel',
    summary: 'Bezorgscooter bij veel adressen kort gestopt',
    description: 'Een scooter zonder bezorgtas stopt steeds enkele seconden bij voordeuren.',
    location: 'Proefstraat, Voorbeeldstad',
    howReceived: 'burger',
    reporterName: 'R. Rondkijker (demo)',
  },
  {
    phenomenon: 'illegaal_gokken.illegale_gokzuilen',
    summary: 'Gokzuil in kapsalon gezien',
    description: 'In de wachtruimte van een kapsalon staat een gokzuil.',
    location: 'Oefenplein 2, Voorbeeldstad',
    howReceived: 'medewerker',
    origin: 'gemeente_handhaving',
    reporterName: 'H. Handhaver (demo)',
  },
  {
    phenomenon: 'illegaal_gokken.illegale_gokzuilen',
    summary: 'Gokautomaten in garagebox',
    description: 'Via een kier zijn gokautomaten zichtbaar in een garagebox.',
    location: 'Garageboxen Testlaan, Voorbeeldstad',
    howReceived: 'anoniem',
  },
  {
    phenomenon: 'illegaal_gokken.poker',
    summary: 'Pokertoernooi met entreegeld in internetcafé',
    description: 'Flyers voor een pokertoernooi met 500 euro inleg.',
    location: 'Internetcafé Demo, Voorbeeldstad',
    howReceived: 'meldpunt',
    reporterName: 'K. Klant (demo)',
  },
  {
    phenomenon: 'arbeidsuitbuiting.illegale_kamerverhuur',
    summary: 'Kamers per bed verhuurd in bovenwoning',
    description: 'Advertentie biedt "bedden" aan voor 400 euro per maand.',
    location: 'Voorbeeldhof 9, Voorbeeldstad',
    howReceived: 'medewerker',
    origin: 'gemeente_burgerzaken',
    reporterName: 'A. Ambtenaar (demo)',
  },
  {
    phenomenon: 'arbeidsuitbuiting.slechte_werkomstandigheden',
    summary: 'Nagelstudio: medewerkers slapen in de zaak',
    description: 'Medewerkers lijken na sluitingstijd in de zaak te blijven.',
    location: 'Oefenplein 11, Voorbeeldstad',
    howReceived: 'burger',
    reporterName: 'N. Nachtwacht (demo)',
  },
  {
    phenomenon: 'arbeidsuitbuiting.overbewoning',
    summary: "Busjes halen 's ochtends vroeg veel mensen op",
    description: 'Elke ochtend om vijf uur stappen tien mensen in twee busjes.',
    location: 'Nepweg 40, Voorbeeldstad',
    howReceived: 'burger',
    reporterName: 'V. Vroegop (demo)',
  },
  {
    phenomenon: 'milieu.vervuilde_grond',
    summary: 'Grondverzet met verdachte kleur op braakliggend terrein',
    description: 'Vrachtwagens storten donkere grond op een braakliggend perceel.',
    location: 'Denkbeeldweg 40, Voorbeeldstad',
    howReceived: 'partner',
    origin: 'provincie',
  },
  {
    phenomenon: 'milieu.afvaldumping',
    summary: 'Drugsafval gedumpt in bosrand',
    description: 'Blauwe vaten met chemische geur in de bosrand.',
    location: 'Proefbos, Voorbeeldstad',
    howReceived: 'partner',
    origin: 'politie',
  },
  {
    phenomenon: 'milieu.asbest_zonder_registratie',
    summary: 'Dakplaten gebroken in container gegooid',
    description: 'Vermoedelijk asbesthoudende dakplaten in een open container.',
    location: 'Proefstraat 60, Voorbeeldstad',
    howReceived: 'meldpunt',
    reporterName: 'D. Dakdekker (demo)',
  },
  {
    phenomenon: 'zorgfraude.pgb_fraude',
    summary: 'Zorgverlener declareert voor overleden cliënt',
    description: 'Declaraties lopen door na het overlijden van een cliënt.',
    howReceived: 'partner',
    origin: 'zorgverzekeraar',
  },
  {
    phenomenon: 'zorgfraude.zorg_niet_geleverd',
    summary: 'Thuiszorg komt zelden opdagen',
    description: 'Een mantelzorger meldt dat de ingeroosterde thuiszorg meestal niet komt.',
    howReceived: 'burger',
    reporterName: 'M. Mantelzorger (demo)',
  },
  {
    phenomenon: 'zorgfraude.ronselen_clienten',
    summary: 'Zorgbureau werft cliënten bij voedselbank',
    description: 'Medewerkers van een zorgbureau delen folders uit bij de voedselbank.',
    location: 'Voedselbank Voorbeeldstad',
    howReceived: 'medewerker',
    origin: 'gemeente_sociaal_domein',
    reporterName: 'W. Wijkteam (demo)',
  },
  {
    phenomenon: 'drugs.drugshandel',
    summary: 'Drugs verkocht via berichtendienst rond schoolplein',
    description: 'Ouders zagen berichten met een prijslijst die onder leerlingen rondgaan.',
    howReceived: 'medewerker',
    origin: 'gemeente_sociaal_domein',
    reporterName: 'L. Leerplicht (demo)',
  },
  {
    phenomenon: 'illegaal_gokken.illegale_gokzuilen',
    summary: 'Gokzuilen in leegstaand pand naast snackbar',
    description: 'Mannen gaan via de achterdeur een leegstaand pand in; binnen klinkt het geluid van gokkasten.',
    location: 'Testlaan 7, Voorbeeldstad',
    howReceived: 'burger',
    reporterName: 'S. Snackbar (demo)',
  },
  {
    phenomenon: 'arbeidsuitbuiting.huur_ingehouden_op_loon',
    summary: 'Loonstrook met hoge inhouding voor huisvesting',
    description: 'Een werknemer toont een loonstrook waarop de helft van het loon voor huisvesting is ingehouden.',
    howReceived: 'partner',
    origin: 'uwv',
  },
  {
    phenomenon: 'milieu.witgoed_zonder_registratie',
    summary: 'Koelkasten zonder koelmiddelregistratie opgekocht',
    description: 'Een opkoper haalt oude koelkasten gratis op en verkoopt ze door zonder registratie.',
    location: 'Denkbeeldweg 30, Voorbeeldstad',
    howReceived: 'meldpunt',
    reporterName: 'K. Koper (demo)',
  },
  {
    phenomenon: 'zorgfraude.zorg_niet_geleverd',
    summary: 'Dagbesteding gedeclareerd op gesloten locatie',
    description: 'De locatie van een dagbesteding is al maanden gesloten, maar er wordt nog gedeclareerd.',
    location: 'Voorbeeldhof 15, Voorbeeldstad',
    howReceived: 'partner',
    origin: 'zorgverzekeraar',
  },
  {
    phenomenon: 'zorgfraude.kamerverhuur',
    summary: 'Beschermd-wonenlocatie zonder begeleiding',
    description: 'Bewoners van een "beschermd wonen"-pand zien nooit een begeleider.',
    location: 'Nepweg 90, Voorbeeldstad',
    howReceived: 'anoniem',
  },
];

/**
 * Who supplied the first dossier's attachments. The transactions came through the RIEC without the
 * bank's terms: restriction unknown, so the regime keeps them inside the municipality until the
 * user records what the supplier allows.
 */
const ATTACHMENT_PROVENANCE: Readonly<Record<string, ProvenanceInput>> = {
  'foto-voorgevel-proefstraat-12.png': { originator: 'gemeente_handhaving', receivedUnder: 'eigen_taak_opiumwet_13b', restriction: 'vrij' },
  'verslag-integrale-controle.pdf': { originator: 'gemeente_handhaving', receivedUnder: 'eigen_taak_opiumwet_13b', restriction: 'vrij' },
  'melding-per-e-mail.eml': { originator: 'gemeente', receivedUnder: 'melding_burger', restriction: 'vrij' },
  'transacties-voorbeeld.csv': TERMS_UNKNOWN,
};

/** Reports from citizens (by name, through the meldpunt or anonymously): received as a citizen's report. */
const FROM_CITIZENS: ReadonlySet<HowReceived> = new Set(['burger', 'meldpunt', 'anoniem']);

const OWNERS = ['P. Leider (demo)', 'R. Regisseur (demo)'];
const TLP_FOR_SIGNALS: TlpCode[] = ['AMBER+STRICT', 'AMBER+STRICT', 'AMBER', 'GREEN', 'RED'];

/** The main line of the process, and the detours to the two final states. */
const MAIN_LINE: DossierStatus[] = ['in_opwerking', 'voorgelegd_driehoek', 'informatieplein', 'preweeg_concept', 'preweeg_akkoord', 'stuurploeg', 'aanpak', 'interventie'];

function pathTo(target: DossierStatus): DossierStatus[] {
  if (target === 'ontvangen') return [];
  if (target === 'regulier_afgehandeld') return ['in_opwerking', 'regulier_afgehandeld'];
  if (target === 'afgesloten') return ['in_opwerking', 'voorgelegd_driehoek', 'afgesloten'];
  return MAIN_LINE.slice(0, MAIN_LINE.indexOf(target) + 1);
}

// ── Meetings ────────────────────────────────────────────────────────────────────────────────

interface ParticipantSpec {
  name: string;
  /** An organisation code from the organisation list; the printed name is the list's. */
  organisationCode: string;
  organisation: string;
}

interface MeetingSpec {
  kind: 'casustafel' | 'informatieplein';
  title: string;
  heldOn: string;
  place: string;
  tlp: TlpCode;
  participants: ParticipantSpec[];
  /** Dossiers by title, loose signals by summary, in agenda order. */
  agenda: Array<{ dossier: string } | { signal: string }>;
}

const HENNEP_DOSSIER = DOSSIERS[0]!.title;

const MEETINGS: MeetingSpec[] = [
  {
    // GREEN, with a woningcorporatie at the table: the regime holds both items back (art. 10 summaries; behind them the RED police note and bank accounts).
    kind: 'casustafel',
    title: 'Casustafel Proefstraat (demo)',
    // After the meetings other tests create for 2025-0001 (May 2026), so that their "new since the previous meeting" starts where they expect.
    heldOn: '2026-06-08',
    place: 'Stadhuis Voorbeeldstad, kamer 2.14',
    tlp: 'GREEN',
    participants: [
      { name: 'R. Regisseur (demo)', organisationCode: 'gemeente', organisation: 'Gemeente (eigen organisatie)' },
      { name: 'H. Handhaver (demo)', organisationCode: 'gemeente_handhaving', organisation: 'Gemeente – handhaving' },
      { name: 'W. Wijkagent (demo)', organisationCode: 'politie', organisation: 'Politie' },
      { name: 'C. Corporatie (demo)', organisationCode: 'woningcorporatie', organisation: 'Woningcorporatie' },
    ],
    agenda: [{ dossier: HENNEP_DOSSIER }, { dossier: 'Overbewoning en huur ingehouden op loon, Proefstraat 40' }],
  },
  {
    kind: 'informatieplein',
    title: 'Informatieplein RIEC (demo)',
    heldOn: '2026-06-01',
    place: 'RIEC, Voorbeeldstad',
    tlp: 'AMBER',
    participants: [
      { name: 'R. Regisseur (demo)', organisationCode: 'gemeente', organisation: 'Gemeente (eigen organisatie)' },
      { name: 'I. Informatie (demo)', organisationCode: 'politie', organisation: 'Politie' },
      { name: 'O. Officier (demo)', organisationCode: 'openbaar_ministerie', organisation: 'Openbaar Ministerie' },
      { name: 'B. Belasting (demo)', organisationCode: 'belastingdienst', organisation: 'Belastingdienst/Toeslagen' },
      { name: 'A. Analist (demo)', organisationCode: 'riec', organisation: 'RIEC' },
    ],
    agenda: [
      { dossier: 'Pokeravonden in leegstaand pand Testlaan 3' },
      { signal: 'Chemische geur bij schuur in het buitengebied' },
      { signal: 'Wasemkap draait dag en nacht op zolder' },
    ],
  },
];

// ── Generation ──────────────────────────────────────────────────────────────────────────────

/**
 * Fill the unlocked vault behind `core` with the demo content. Throws a CoreError (with the
 * handler's code) when a call fails.
 */
export async function generateDemoData(core: DemoCaller, seed = DEMO_SEED): Promise<DemoSummary> {
  const dice = new Dice(seed);
  const summary: DemoSummary = { signals: 0, dossiers: 0, subjects: 0, dossierLinks: 0, subjectLinks: 0, notes: 0, measures: 0, attachments: 0, meetings: 0 };
  const dossierIds = new Map<string, number>();
  const looseSignalIds = new Map<string, number>();

  async function call<K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> {
    try {
      return await core.call(name, input);
    } catch (error) {
      // Which demo step failed, in the message; the code stays the handler's.
      if (error instanceof CoreError) throw new CoreError(error.code, `demo: ${name}: ${error.message}`, error.details, { cause: error });
      throw error;
    }
  }

  const phenomena = await call('phenomenon.list', {});
  const phenomenonId = (code: string): number => {
    const found = phenomena.find((phenomenon) => phenomenon.code === code);
    if (!found) throw new CoreError('INTERNAL', `demo: unknown phenomenon ${code}`);
    return found.id;
  };

  const subjectIds = new Map<SubjectKey, number>();
  for (const [key, spec] of Object.entries(SUBJECTS) as Array<[SubjectKey, SubjectSpec]>) {
    const subject = await call('subject.create', {
      details: spec.details,
      sourceGrade: spec.sourceGrade,
      informationGrade: spec.informationGrade,
      tlp: spec.tlp ?? 'AMBER+STRICT',
    });
    subjectIds.set(key, subject.id);
    summary.subjects++;
  }
  for (const [from, kind, to, own] of SUBJECT_LINKS) {
    const source = dice.pick(['Handelsregister (demo)', 'BRP (demo)', 'Politie (demo)', 'Eigen waarneming']);
    await call('subject.link', {
      fromSubjectId: subjectIds.get(from)!,
      toSubjectId: subjectIds.get(to)!,
      kind,
      source,
      sourceGrade: dice.pick(['A', 'B'] as const),
      informationGrade: dice.pick([1, 2, 3] as const),
      tlp: own?.tlp,
      provenance: own?.provenance ?? provenanceOfSource(source),
    });
    summary.subjectLinks++;
  }

  const grading = () => ({ sourceGrade: dice.pick(['A', 'B', 'B', 'C', 'X'] as const), informationGrade: dice.pick([1, 2, 2, 3, 4] as const) });

  async function createSignal(spec: SignalSpec, phenomenonCode: string, receivedOn: string, tlp: TlpCode): Promise<number> {
    const signal = await call('signal.create', {
      receivedOn,
      howReceived: spec.howReceived,
      reporterName: spec.howReceived === 'anoniem' ? undefined : spec.reporterName,
      reporterProtected: true,
      origin: spec.origin,
      phenomenonId: phenomenonId(phenomenonCode),
      summary: spec.summary,
      description: `${spec.description} (Fictieve demomelding.)`,
      location: spec.location,
      ...grading(),
      tlp,
      legalBasis: LEGAL_BASIS,
      purpose: PURPOSE,
      retentionUntil: addDays(receivedOn, 5 * 365),
      provenance: spec.provenance ?? (FROM_CITIZENS.has(spec.howReceived) ? { receivedUnder: 'melding_burger' } : undefined),
    });
    summary.signals++;
    return signal.id;
  }

  for (const spec of DOSSIERS) {
    const signalIds: number[] = [];
    let receivedOn = addDays(spec.openedOn, -dice.int(3, 14));
    for (const signal of spec.signals) {
      signalIds.push(await createSignal(signal, spec.phenomena[0]!, receivedOn, spec.tlp));
      receivedOn = addDays(receivedOn, dice.int(1, 3));
    }

    const dossier = await call('dossier.create', {
      title: spec.title,
      summary: spec.summary,
      priority: spec.priority,
      owner: dice.pick(OWNERS),
      phenomenonIds: spec.phenomena.map(phenomenonId),
      partners: spec.partners,
      tlp: spec.tlp,
      legalBasis: LEGAL_BASIS,
      purpose: PURPOSE,
      retentionUntil: addDays(spec.openedOn, 5 * 365),
      openedOn: spec.openedOn,
    });
    dossierIds.set(spec.title, dossier.id);
    summary.dossiers++;
    for (const signalId of signalIds) await call('signal.attachToDossier', { signalId, dossierId: dossier.id });

    for (const [key, role, own] of spec.links) {
      const validFrom = addDays(spec.openedOn, -dice.int(30, 400));
      const source = dice.pick(['Handelsregister (demo)', 'BRP (demo)', 'Melding', 'Politie (demo)']);
      await call('subject.linkToDossier', {
        subjectId: subjectIds.get(key)!,
        dossierId: dossier.id,
        role,
        validFrom,
        source,
        ...grading(),
        tlp: own?.tlp ?? spec.tlp,
        provenance: own?.provenance ?? provenanceOfSource(source),
      });
      summary.dossierLinks++;
    }

    let day = spec.openedOn;
    for (const to of pathTo(spec.target)) {
      day = addDays(day, dice.int(7, 20));
      await call('dossier.changeStatus', {
        dossierId: dossier.id,
        to,
        changedOn: day,
        reason: to === 'afgesloten' || to === 'regulier_afgehandeld' ? 'Besproken in het wekelijkse overleg (demo).' : undefined,
        closingReason: to === 'afgesloten' ? (spec.closingReason ?? 'opgelost') : undefined,
      });
    }

    let notedOn = spec.openedOn;
    for (const note of spec.notes) {
      notedOn = addDays(notedOn, dice.int(2, 12));
      await call('note.add', {
        dossierId: dossier.id,
        body: note.body,
        notedOn,
        partner: note.partner,
        ...grading(),
        tlp: note.tlp ?? (note.internal ? 'RED' : dice.pick(TLP_FOR_SIGNALS.slice(0, 4))),
        internal: note.internal ?? false,
        provenance: note.provenance,
      });
      summary.notes++;
    }

    for (const measure of spec.measures) {
      const plannedOn = addDays(spec.openedOn, dice.int(30, 90));
      const started = measure.stage !== 'gepland';
      await call('measure.add', {
        dossierId: dossier.id,
        kind: measure.kind,
        description: measure.description,
        partner: measure.partner,
        plannedOn,
        startedOn: started ? addDays(plannedOn, dice.int(1, 10)) : undefined,
        decidedOn: measure.stage === 'afgerond' ? addDays(plannedOn, dice.int(15, 40)) : undefined,
        stage: measure.stage,
        outcome: measure.outcome,
        tlp: spec.tlp,
        provenance: measure.provenance,
      });
      summary.measures++;
    }
  }

  for (const spec of LOOSE_SIGNALS) {
    const receivedOn = addDays('2025-01-06', dice.int(0, 320));
    looseSignalIds.set(spec.summary, await createSignal(spec, spec.phenomenon, receivedOn, dice.pick(TLP_FOR_SIGNALS)));
  }

  // The attachments go to the first dossier (Proefstraat 12), through the core like any import:
  // written to a private temporary folder first, removed again whatever happens.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-demo-files-'));
  try {
    for (const file of demoFiles()) {
      const sourcePath = path.join(folder, file.fileName);
      fs.writeFileSync(sourcePath, file.bytes, { mode: 0o600 });
      await call('attachment.import', {
        dossierId: dossierIds.get(HENNEP_DOSSIER)!,
        sourcePath,
        sourceGrade: 'B',
        informationGrade: 2,
        tlp: 'AMBER+STRICT',
        provenance: ATTACHMENT_PROVENANCE[file.fileName],
      });
      summary.attachments++;
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  for (const spec of MEETINGS) {
    const meeting = await call('meeting.create', {
      kind: spec.kind,
      title: spec.title,
      heldOn: spec.heldOn,
      place: spec.place,
      tlp: spec.tlp,
      participants: spec.participants,
    });
    for (const entry of spec.agenda) {
      const target = 'dossier' in entry ? { dossierId: dossierIds.get(entry.dossier) } : { signalId: looseSignalIds.get(entry.signal) };
      if (Object.values(target)[0] === undefined) throw new CoreError('INTERNAL', `demo: not on the agenda: ${JSON.stringify(entry)}`);
      await call('meeting.addItem', { meetingId: meeting.id, ...target });
    }
    summary.meetings++;
  }

  return summary;
}

/**
 * A new vault at `vaultPath` with the demo content, through a Core of its own (whose recent list
 * lives in a temporary folder, removed afterwards). Refuses an existing vault (VAULT_EXISTS).
 */
export async function createDemoVault(vaultPath: string, passphrase: string, options: VaultOptions, seed = DEMO_SEED): Promise<DemoSummary> {
  // Created directly first, so that a short passphrase or an existing file gets its own message.
  const { vault } = await Vault.create(vaultPath, { passphrase, displayName: DEMO_ACTOR }, options);
  vault.lock();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-demo-'));
  const core = new Core({ userDataDir, host: 'browser', appVersion: 'demo', vault: options });
  let complete = false;
  try {
    await core.call('vault.unlock', { path: vault.path, passphrase });
    const summary = await generateDemoData(core, seed);
    complete = true;
    return summary;
  } finally {
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
    // A half-filled demo is worse than none: the next run would refuse it as existing.
    if (!complete) for (const file of ownedPathsOf(vault.path)) fs.rmSync(file, { force: true });
  }
}
