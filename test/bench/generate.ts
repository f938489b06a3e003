/**
 * A generated municipality: a vault full of plausible, plainly fictional Dutch data,
 * deterministic from a seed, at any size. The encrypted vault is a real vault (Vault.create with
 * the vault's own KDF, so `Vault.unlock` and the browser host open it with the passphrase); the
 * plaintext copy has the same schema, indexes and rows in an unencrypted SQLite file.
 *
 * Rows are written with plain INSERTs in large transactions, in the shape the core writes them:
 * subject details parsed by the real zod schema, labels and match keys made by the core's own
 * functions, the search index filled by the triggers of migration 0006, attachments as 1 MiB
 * chunks with their sha256. No audit entries are written for the generated rows.
 *
 * Fictional: people and firms are named from invented syllables, places are invented towns, e-mail
 * addresses end in the reserved `.invalid`. Identifiers are valid by their rules (postcode, BSN
 * elfproef, IBAN mod 97, kenteken side code) but drawn at random.
 *
 *   npx tsx test/bench/generate.ts --out /tmp/gemeente.kluis [--seed 2026] [--size large|small]
 *     [--signals N] [--dossiers N] [--subjects N] [--links N] [--notes N] [--attachments-mb N]
 *     [--plaintext] [--passphrase "..."] [--fast-kdf]
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { subjectDetailsSchema, type SubjectDetails, type SubjectDetailsInput } from '../../shared/api/subject-details';
import {
  CLOSING_REASONS,
  HOW_RECEIVED,
  LEGAL_FORMS,
  MEASURE_KINDS,
  PARTNERS,
  PRIORITIES,
  SUBJECT_LINK_KINDS,
  TLP_CODES,
  type DossierStatus,
  type SubjectRole,
} from '../../shared/domain/enums';
import { ATTACHMENT_CHUNK_SIZE } from '../../electron/core/kernel/chunking';
import { matchKeysFor } from '../../electron/core/dossiers/match-keys';
import { subjectLabel } from '../../electron/core/dossiers/subject-label';
import { configureConnection, type Connection } from '../../electron/core/vault/connection';
import type { KdfCalibration } from '../../electron/core/vault/kdf';
import { applyMigrations } from '../../electron/core/vault/migrations';
import { Vault } from '../../electron/core/vault/vault';

export interface GenerateSizes {
  signals: number;
  dossiers: number;
  subjects: number;
  /** Subject–dossier links and subject–subject links together (about three in four are the former). */
  links: number;
  notes: number;
  attachmentsMb: number;
}

export const LARGE_SIZES: GenerateSizes = { signals: 100_000, dossiers: 20_000, subjects: 50_000, links: 200_000, notes: 100_000, attachmentsMb: 64 };
export const SMALL_SIZES: GenerateSizes = { signals: 5_000, dossiers: 1_000, subjects: 2_500, links: 10_000, notes: 5_000, attachmentsMb: 4 };

export const BENCH_PASSPHRASE = 'benchmark wachtwoord 2026';

export interface GenerateOptions {
  path: string;
  seed: number;
  sizes: GenerateSizes;
  encrypted: boolean;
  passphrase?: string;
  /** The KDF of the encrypted vault: by default the vault's own calibration (as a user's vault gets). */
  kdf?: KdfCalibration;
}

export interface GenerateSummary {
  path: string;
  encrypted: boolean;
  seconds: number;
  bytes: number;
  counts: Record<string, number>;
}

/** The tables the generator fills, in the order the content hash reads them. */
export const CONTENT_TABLES = [
  'dossiers',
  'dossier_number_counters',
  'dossier_phenomena',
  'dossier_partners',
  'dossier_status_changes',
  'subjects',
  'subject_match_keys',
  'subject_dossier_links',
  'subject_links',
  'signals',
  'dossier_notes',
  'measures',
  'attachments',
  'attachment_chunks',
] as const;

// ── Seeded randomness ───────────────────────────────────────────────────────────────────────

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const between = (low: number, high: number) => low + int(high - low + 1);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (p: number) => next() < p;
  const digits = (count: number) => Array.from({ length: count }, () => String(int(10))).join('');
  /** Skewed towards low values: a few items are picked very often (hubs), most rarely. */
  const skewed = (below: number, power = 2.2) => Math.min(below - 1, Math.floor(below * next() ** power));
  return { next, int, between, pick, chance, digits, skewed };
}
export type Random = ReturnType<typeof seeded>;

// ── Fictional Dutch vocabulary ──────────────────────────────────────────────────────────────

const SYLLABLES = ['bram', 'kol', 'ver', 'dal', 'mos', 'tin', 'hu', 'gel', 'ra', 'wen', 'sto', 'pel', 'lin', 'dor', 'vee', 'ka', 'ber', 'sel', 'lo', 'mar'];
const FIRST_NAMES = [
  'Anna',
  'Bas',
  'Cor',
  'Dina',
  'Eef',
  'Fleur',
  'Gijs',
  'Hanna',
  'Ids',
  'Joke',
  'Kees',
  'Lot',
  'Mees',
  'Noor',
  'Olaf',
  'Pien',
  'Ruud',
  'Sanne',
  'Teun',
  'Wies',
  'Yara',
  'Zeger',
];
const NAME_PREFIXES = ['', '', '', 'van ', 'de ', 'van der ', 'ter '];
const TOWN_SUFFIXES = ['veen', 'dam', 'hoven', 'wijk', 'dorp', 'broek', 'horst', 'zijl'];
const STREET_SUFFIXES = ['straat', 'laan', 'weg', 'kade', 'plein', 'singel', 'dijk'];
const TRADES = [
  'Autohandel',
  'Beheer',
  'Bouw',
  'Horeca',
  'Schoonmaak',
  'Transport',
  'Vastgoed',
  'Uitzendbureau',
  'Kapsalon',
  'Nagelstudio',
  'Belwinkel',
  'Growshop',
  'Koeriers',
  'Holding',
];
const FORM_SUFFIX: Record<string, string> = {
  bv: 'B.V.',
  nv: 'N.V.',
  vof: 'V.O.F.',
  stichting: '',
  eenmanszaak: '',
  cv: 'C.V.',
  vereniging: '',
  cooperatie: 'U.A.',
  maatschap: '',
  buitenlandse_rechtsvorm: 'Ltd.',
  overig: '',
};
/** Consonants only, as on Dutch plates since side code 4. */
const PLATE_LETTERS = 'BDFGHJKLNPRSTVXZ';
const PLATE_SIDE_CODES = ['LL-DD-LL', 'LL-LL-DD', 'DD-LL-LL', 'DD-LLL-D', 'D-LLL-DD', 'LL-DDD-L', 'L-DDD-LL', 'LLL-DD-L', 'L-DD-LLL', 'D-LL-DDD', 'DDD-LL-D'];
const BANK_CODES = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'KNAB', 'ASNB', 'BUNQ'];
const OWNERS = ['Programmaleider', 'Medewerker Ondermijning 1', 'Medewerker Ondermijning 2', 'Medewerker Ondermijning 3', null];

/** Sentences for signals and notes: varied words, so that FTS has common, rare and prefix terms. */
const SIGNAL_OPENINGS = [
  'Buurtbewoners melden veel verkeer bij',
  'Melder ziet dagelijks wisselende personen bij',
  'Wijkagent signaleert verdachte activiteiten rond',
  'Handhaving trof bij controle een afwijkende situatie aan in',
  'Anonieme tip over contante betalingen in',
  'Woningcorporatie meldt vermoedelijke overbewoning van',
  'Inspectie ziet aanwijzingen voor hennepteelt in',
  'Belastingen signaleert een opvallende vastgoedtransactie rond',
];
const SIGNAL_OBJECTS = [
  'een bedrijfspand',
  'een woning',
  'een garagebox',
  'een loods op het bedrijventerrein',
  'een kapsalon',
  'een nagelstudio',
  'een autobedrijf',
  'een horecazaak',
  'een kamerverhuurpand',
  'een boerenschuur in het buitengebied',
];
const SIGNAL_DETAILS = [
  'Ramen zijn afgeplakt en er hangt een sterke geur.',
  "Er wordt 's nachts geladen en gelost met bestelbusjes.",
  'Het stroomverbruik lijkt ongewoon hoog.',
  "Er staan steeds dure auto's met buitenlandse kentekens voor de deur.",
  'De zaak is vrijwel altijd leeg maar blijft open.',
  'Bewoners wisselen vaak en lijken arbeidsmigranten te zijn.',
  'Er worden grote bedragen contant afgerekend.',
  'De eigenaar heeft recent meerdere panden gekocht zonder hypotheek.',
  'Er wordt afval gestort achter het pand.',
  'Een gokzuil staat in de achterkamer.',
];
const NOTE_SENTENCES = [
  'Overleg gehad met de wijkagent over de bevindingen.',
  'Kadaster geraadpleegd: eigendom ligt bij een holding.',
  'Informatie gedeeld met het RIEC ter voorbereiding op het informatieplein.',
  'Huisbezoek afgelegd; de bewoner werkte mee.',
  'Bibob-toets aangevraagd bij de afdeling vergunningen.',
  'Energieleverancier bevestigt een afwijkend verbruikspatroon.',
  'Handelsregister toont een recente bestuurderswissel.',
  'Stuurploeg vraagt om aanvullende informatie over de geldstromen.',
  'Belastingdienst heeft geen bezwaar tegen gezamenlijke controle.',
  'Zorgverzekeraar meldt declaraties zonder geleverde zorg.',
  'Camerabeelden tonen nachtelijke bezoeken aan de garagebox.',
  'Buren verklaren dat er regelmatig verhuisd wordt.',
  'Casustafel besluit tot een integrale controle.',
  'Waarschuwing op grond van artikel 13b Opiumwet voorbereid.',
  'Vergunningaanvraag voor de horecazaak ligt ter beoordeling.',
  'Vermoeden van witwassen via contante aankopen van voertuigen.',
  'Netwerk rond de kapsalon in kaart gebracht.',
  'Uitzendbureau betaalt lonen deels contant uit.',
  'Afspraak gemaakt met de woningcorporatie over vervolgstappen.',
  'Melding besproken in het wekelijkse ondermijningsoverleg.',
];
const DOSSIER_THEMES = [
  'Hennepkwekerij',
  'Kamerverhuur',
  'Witwasconstructie',
  'Gokpand',
  'Afvaldumping',
  'Zorgfraude',
  'Arbeidsuitbuiting',
  'Vastgoedtransacties',
  'Heling autobedrijf',
  'Drugsopslag',
];
const ATTACHMENT_KINDS: ReadonlyArray<[string, string]> = [
  ['foto-pand', 'image/jpeg'],
  ['proces-verbaal', 'application/pdf'],
  ['uittreksel-kvk', 'application/pdf'],
  ['overzicht-transacties', 'text/csv'],
  ['e-mail-partner', 'message/rfc822'],
];

/** The straight line of the process, from which each dossier's history walks up to its status. */
const PROCESS_LINE: readonly DossierStatus[] = [
  'ontvangen',
  'in_opwerking',
  'voorgelegd_driehoek',
  'informatieplein',
  'preweeg_concept',
  'preweeg_akkoord',
  'stuurploeg',
  'aanpak',
  'interventie',
];

function capital(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

function fictionalWord(random: Random, parts: number): string {
  return capital(Array.from({ length: parts }, () => random.pick(SYLLABLES)).join(''));
}

/** A pool of invented towns, the same for every seed (so that addresses cluster in a few places). */
const TOWNS = Array.from({ length: 12 }, (_, i) => {
  const random = seeded(9_000 + i);
  return fictionalWord(random, 2) + random.pick(TOWN_SUFFIXES);
});

function isoDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.between(fromYear, toYear);
  return `${year}-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The latest date the generator writes: everything lies in the past of any real clock after 2026. */
const LAST_DATE = '2025-12-31';
const earliest = (a: string, b: string) => (a < b ? a : b);

// ── Valid identifiers ───────────────────────────────────────────────────────────────────────

export function fictionalPostcode(random: Random): string {
  const letters = 'ABCDEFGHJKLMNPRTUVWXZ';
  for (;;) {
    const pair = random.pick([...letters]) + random.pick([...letters]);
    if (pair !== 'SA' && pair !== 'SD' && pair !== 'SS') return `${random.between(1000, 9999)}${pair}`;
  }
}

/** Nine digits passing the elfproef. */
export function fictionalBsn(random: Random): string {
  for (;;) {
    const first = String(random.between(1, 9)) + random.digits(7);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(first[i]);
    const last = sum % 11;
    if (last < 10) return first + String(last);
  }
}

/** A Dutch IBAN with its mod 97 check digits. */
export function fictionalIban(random: Random): string {
  const bban = random.pick(BANK_CODES) + random.digits(10);
  const numeric = [...`${bban}NL00`].map((c) => String(Number.parseInt(c, 36))).join('');
  let remainder = 0;
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97;
  return `NL${String(98 - remainder).padStart(2, '0')}${bban}`;
}

/** A kenteken in one of the side codes in use since 1978, consonants only. */
export function fictionalKenteken(random: Random): string {
  return [...random.pick(PLATE_SIDE_CODES)]
    .filter((symbol) => symbol !== '-')
    .map((symbol) => (symbol === 'L' ? random.pick([...PLATE_LETTERS]) : String(random.int(10))))
    .join('');
}

export function fictionalKvk(random: Random): string {
  return String(random.between(1, 9)) + random.digits(7);
}

// ── Subjects ────────────────────────────────────────────────────────────────────────────────

/**
 * The details of fictional identity `n` of a seed. Subjects are drawn from a pool of identities
 * with repeats, so a share of subjects are look-alikes of each other (same BSN, name and birth
 * date, KvK number, address, kenteken, IBAN): the work "komt ook voor in" has to find.
 */
export function identity(seed: number, n: number): SubjectDetailsInput {
  const random = seeded(seed * 1_000_003 + n * 7919 + 17);
  const kind = random.next();
  if (kind < 0.4) {
    return {
      type: 'person',
      name: `${random.pick(FIRST_NAMES)} ${random.pick(NAME_PREFIXES)}${fictionalWord(random, 2)}`,
      birthDate: random.chance(0.85) ? isoDate(random, 1950, 2005) : null,
      bsn: random.chance(0.4) ? fictionalBsn(random) : null,
    };
  }
  if (kind < 0.6) {
    const legalForm = random.pick(LEGAL_FORMS);
    return {
      type: 'organisation',
      name: `${fictionalWord(random, 2)} ${random.pick(TRADES)} ${FORM_SUFFIX[legalForm] ?? ''}`.trim(),
      kvkNumber: random.chance(0.85) ? fictionalKvk(random) : null,
      vestigingsnummer: random.chance(0.3) ? '0000' + random.digits(8) : null,
      legalForm,
    };
  }
  if (kind < 0.8) {
    return {
      type: 'address',
      postcode: fictionalPostcode(random),
      houseNumber: random.between(1, 250),
      houseNumberAddition: random.chance(0.15) ? random.pick(['A', 'B', 'C', 'bis', '1']) : null,
      street: fictionalWord(random, 2) + random.pick(STREET_SUFFIXES),
      city: random.pick(TOWNS),
      use: random.pick(['woning', 'bedrijfspand', 'horeca', 'garagebox', 'loods', null]),
    };
  }
  if (kind < 0.88)
    return { type: 'vehicle', kenteken: fictionalKenteken(random), description: random.pick(['Zwarte bestelbus', 'Grijze SUV', 'Witte personenauto', 'Rode scooter', null]) };
  if (kind < 0.95)
    return { type: 'bank_account', iban: fictionalIban(random), holderName: random.chance(0.6) ? `${random.pick(FIRST_NAMES)} ${fictionalWord(random, 2)}` : null };
  if (kind < 0.98) return { type: 'phone', number: `06-${random.digits(8)}` };
  return { type: 'email', address: `${fictionalWord(random, 2).toLowerCase()}.${random.digits(3)}@voorbeeld.invalid` };
}

// ── The fill ────────────────────────────────────────────────────────────────────────────────

interface Grade {
  source: string;
  information: number;
}

function grade(random: Random): Grade {
  return { source: random.pick(['A', 'B', 'B', 'C', 'C', 'X']), information: random.pick([1, 2, 2, 3, 3, 4]) };
}

function sentence(random: Random, sentences: readonly string[], count: number): string {
  return Array.from({ length: count }, () => random.pick(sentences)).join(' ');
}

/** Deterministic bytes for attachments (incompressible, like photos and PDFs). */
function fillBytes(random: Random, buffer: Buffer): void {
  for (let i = 0; i + 4 <= buffer.length; i += 4) buffer.writeUInt32LE((random.next() * 4294967296) >>> 0, i);
}

const timestampOf = (date: string, random: Random) => `${date}T${String(random.between(7, 18)).padStart(2, '0')}:${String(random.int(60)).padStart(2, '0')}:00.000Z`;

/** Runs `work` over `count` items in transactions of `batch`, so that no transaction grows without bound. */
function inBatches(db: Connection, count: number, batch: number, work: (index: number) => void): void {
  for (let start = 0; start < count; start += batch) {
    db.transaction(() => {
      for (let i = start; i < Math.min(count, start + batch); i++) work(i);
    })();
  }
}

/** The rows of one seed and size into `db` (a fresh schema at the latest version). */
export function fill(db: Connection, seed: number, sizes: GenerateSizes): void {
  const random = seeded(seed);
  const phenomena = db.prepare('SELECT id, parent_id FROM phenomena ORDER BY id').all() as Array<{ id: number; parent_id: number | null }>;
  const phenomenonIds = phenomena.map((row) => row.id);
  const dossierOpened: string[] = [''];
  const dossierStatus: DossierStatus[] = ['ontvangen'];

  // Dossiers, with their phenomena, partners and status history.
  db.transaction(() => {
    const insertDossier = db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, summary, priority, owner, status, closing_reason, tlp, legal_basis, purpose,
                             retention_until, opened_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhenomenon = db.prepare('INSERT OR IGNORE INTO dossier_phenomena (dossier_id, phenomenon_id) VALUES (?, ?)');
    const insertPartner = db.prepare('INSERT OR IGNORE INTO dossier_partners (dossier_id, partner) VALUES (?, ?)');
    const insertChange = db.prepare(
      `INSERT INTO dossier_status_changes (dossier_id, from_status, to_status, changed_on, recorded_at, actor, reason, closing_reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const sequences = new Map<number, number>();
    for (let id = 1; id <= sizes.dossiers; id++) {
      const year = 2019 + Math.floor(((id - 1) * 7) / sizes.dossiers);
      const sequence = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, sequence);
      const opened = `${year}-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`;
      // Older dossiers got further: a walk up the process line, then perhaps out of it.
      const steps = Math.min(PROCESS_LINE.length - 1, random.int(3 + (2025 - year)));
      const history: Array<{ from: DossierStatus | null; to: DossierStatus; on: string; closing: string | null }> = [];
      let on = opened;
      history.push({ from: null, to: 'ontvangen', on, closing: null });
      for (let step = 1; step <= steps; step++) {
        on = earliest(addDays(on, random.between(5, 90)), LAST_DATE);
        history.push({ from: PROCESS_LINE[step - 1]!, to: PROCESS_LINE[step]!, on, closing: null });
      }
      const current = history.at(-1)!.to;
      if (year < 2025 && random.chance(0.45)) {
        on = earliest(addDays(on, random.between(10, 200)), LAST_DATE);
        const closed = random.chance(0.7);
        history.push({
          from: current,
          to: closed ? 'afgesloten' : current === 'aanpak' || current === 'interventie' ? 'afgesloten' : 'regulier_afgehandeld',
          on,
          closing: null,
        });
        const last = history.at(-1)!;
        if (last.to === 'afgesloten') last.closing = random.pick(CLOSING_REASONS);
      }
      const final = history.at(-1)!;
      const theme = random.pick(DOSSIER_THEMES);
      const town = random.pick(TOWNS);
      const createdAt = timestampOf(opened, random);
      insertDossier.run(
        id,
        year,
        sequence,
        `${theme} ${fictionalWord(random, 2)}${random.pick(STREET_SUFFIXES)} ${town}`,
        `${random.pick(SIGNAL_OPENINGS)} ${random.pick(SIGNAL_OBJECTS)} in ${town}. ${random.pick(SIGNAL_DETAILS)}`,
        random.pick(PRIORITIES),
        random.pick(OWNERS),
        final.to,
        final.closing,
        random.pick(TLP_CODES),
        random.chance(0.6) ? 'Gemeentewet art. 172; convenant RIEC' : null,
        random.chance(0.6) ? 'Bestuurlijke aanpak ondermijning' : null,
        random.chance(0.3) ? addDays(final.on, 365 * 5) : null,
        opened,
        createdAt,
        timestampOf(final.on, random),
      );
      insertPhenomenon.run(id, random.pick(phenomenonIds));
      if (random.chance(0.25)) insertPhenomenon.run(id, random.pick(phenomenonIds));
      for (let p = random.int(3); p > 0; p--) insertPartner.run(id, random.pick(PARTNERS));
      for (const change of history) {
        insertChange.run(id, change.from, change.to, change.on, timestampOf(change.on, random), random.pick(OWNERS) ?? 'Programmaleider', null, change.closing);
      }
      dossierOpened.push(opened);
      dossierStatus.push(final.to);
    }
    const insertCounter = db.prepare('INSERT INTO dossier_number_counters (year, last_sequence) VALUES (?, ?)');
    for (const [year, last] of sequences) insertCounter.run(year, last);
  })();

  // Subjects, drawn with repeats from 2.5× as many identities: about a third share a key with another.
  const pool = Math.max(1, Math.floor(sizes.subjects * 2.5));
  const subjectTypes: string[] = [''];
  {
    const insertSubject = db.prepare(
      `INSERT INTO subjects (id, type, label, details, source_grade, information_grade, tlp, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertKey = db.prepare('INSERT OR IGNORE INTO subject_match_keys (subject_id, kind, value) VALUES (?, ?, ?)');
    inBatches(db, sizes.subjects, 25_000, (index) => {
      const id = index + 1;
      const details: SubjectDetails = subjectDetailsSchema.parse(identity(seed, random.int(pool)));
      const { source, information } = grade(random);
      const at = timestampOf(isoDate(random, 2019, 2025), random);
      insertSubject.run(id, details.type, subjectLabel(details), JSON.stringify(details), source, information, random.pick(TLP_CODES), at, at);
      for (const key of matchKeysFor(details)) insertKey.run(id, key.kind, key.value);
      subjectTypes.push(details.type);
    });
  }

  // Links: three in four between a subject and a dossier, the rest between subjects. Fan-out is
  // skewed both ways: most dossiers have a handful of subjects, a few have dozens; most subjects
  // appear once, a few (the hubs: a facilitator, an accountant's address) in many dossiers.
  const dossierLinks = sizes.dossiers === 0 || sizes.subjects === 0 ? 0 : Math.round(sizes.links * 0.75);
  const subjectLinks = sizes.subjects < 2 ? 0 : sizes.links - dossierLinks;
  {
    const insertLink = db.prepare(
      `INSERT INTO subject_dossier_links (subject_id, dossier_id, role, valid_from, source, source_grade, information_grade, tlp, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rolesByType: Record<string, readonly SubjectRole[]> = {
      person: ['kopstuk', 'faciliteerder', 'eigenaar', 'huurder', 'bewoner', 'bestuurder', 'ubo', 'betrokkene'],
      organisation: ['faciliteerder', 'gelegenheid', 'eigenaar', 'werkgever', 'zorgaanbieder', 'betrokkene'],
      address: ['locatie', 'gelegenheid'],
      vehicle: ['vermogen', 'betrokkene'],
      bank_account: ['vermogen', 'betrokkene'],
      phone: ['betrokkene'],
      email: ['betrokkene'],
    };
    // Each dossier gets a share proportional to a skewed weight; the sum is exactly dossierLinks.
    const weights = Array.from({ length: sizes.dossiers }, () => 1 + 8 * random.next() ** 6);
    const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
    let written = 0;
    let carry = 0;
    inBatches(db, sizes.dossiers, 5_000, (index) => {
      const dossierId = index + 1;
      carry += (weights[index]! / totalWeight) * dossierLinks;
      const count = index === sizes.dossiers - 1 ? dossierLinks - written : Math.floor(carry) - written;
      const chosen = new Set<number>();
      for (let i = 0; i < count; i++) {
        let subjectId = 1 + (random.chance(0.3) ? random.skewed(sizes.subjects, 3) : random.int(sizes.subjects));
        if (chosen.has(subjectId)) subjectId = 1 + random.int(sizes.subjects);
        chosen.add(subjectId);
        const { source, information } = grade(random);
        // One link in thirty is the reporter (melder): protected, never shown as an occurrence elsewhere.
        const role = random.chance(1 / 30) && subjectTypes[subjectId] === 'person' ? 'melder' : random.pick(rolesByType[subjectTypes[subjectId]!]!);
        const from = dossierOpened[dossierId]!;
        insertLink.run(
          subjectId,
          dossierId,
          role,
          random.chance(0.3) ? from : null,
          random.chance(0.4) ? random.pick(PARTNERS) : null,
          source,
          information,
          random.pick(TLP_CODES),
          timestampOf(from, random),
        );
      }
      written += Math.max(0, count);
    });
    const insertSubjectLink = db.prepare(
      `INSERT INTO subject_links (from_subject_id, to_subject_id, kind, source, source_grade, information_grade, tlp, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inBatches(db, subjectLinks, 25_000, () => {
      const from = 1 + random.int(sizes.subjects);
      let to = 1 + random.skewed(sizes.subjects, 2);
      if (to === from) to = (from % sizes.subjects) + 1;
      const { source, information } = grade(random);
      insertSubjectLink.run(from, to, random.pick(SUBJECT_LINK_KINDS), null, source, information, random.pick(TLP_CODES), timestampOf(isoDate(random, 2019, 2025), random));
    });
  }

  // Signals over the phenomena; six in ten went into a dossier.
  {
    const insertSignal = db.prepare(
      `INSERT INTO signals (id, received_on, how_received, reporter_name, reporter_contact, origin, phenomenon_id, summary, description, location,
                            source_grade, information_grade, tlp, dossier_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inBatches(db, sizes.signals, 25_000, (index) => {
      const id = index + 1;
      const dossierId = sizes.dossiers > 0 && random.chance(0.6) ? 1 + random.int(sizes.dossiers) : null;
      const received = dossierId ? earliest(addDays(dossierOpened[dossierId]!, -random.int(60)), LAST_DATE) : isoDate(random, 2019, 2025);
      const howReceived = random.pick(HOW_RECEIVED);
      const named = howReceived !== 'anoniem' && random.chance(0.7);
      const town = random.pick(TOWNS);
      const object = random.pick(SIGNAL_OBJECTS);
      const { source, information } = grade(random);
      const at = timestampOf(received, random);
      insertSignal.run(
        id,
        received,
        howReceived,
        named ? `${random.pick(FIRST_NAMES)} ${fictionalWord(random, 2)}` : null,
        named && random.chance(0.5) ? `06-${random.digits(8)}` : null,
        howReceived === 'partner' ? random.pick(PARTNERS) : null,
        random.chance(0.95) ? random.pick(phenomenonIds) : null,
        `${random.pick(SIGNAL_OPENINGS)} ${object} in ${town}`,
        sentence(random, SIGNAL_DETAILS, random.between(1, 3)),
        `${fictionalWord(random, 2)}${random.pick(STREET_SUFFIXES)} ${random.between(1, 250)}, ${town}`,
        source,
        information,
        random.pick(TLP_CODES),
        dossierId,
        at,
        at,
      );
    });
  }

  // The journal: notes over the dossiers, a few dossiers with very many.
  if (sizes.dossiers > 0) {
    const insertNote = db.prepare(
      `INSERT INTO dossier_notes (dossier_id, noted_on, author, body, partner, source_grade, information_grade, tlp, internal, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inBatches(db, sizes.notes, 25_000, () => {
      const dossierId = 1 + (random.chance(0.2) ? random.skewed(sizes.dossiers, 3) : random.int(sizes.dossiers));
      const noted = earliest(addDays(dossierOpened[dossierId]!, random.int(700)), LAST_DATE);
      const { source, information } = grade(random);
      insertNote.run(
        dossierId,
        noted,
        random.pick(OWNERS) ?? 'Programmaleider',
        sentence(random, NOTE_SENTENCES, random.between(1, 4)),
        random.chance(0.3) ? random.pick(PARTNERS) : null,
        source,
        information,
        random.pick(TLP_CODES),
        random.chance(0.1) ? 1 : 0,
        timestampOf(noted, random),
      );
    });
  }

  // Measures on the dossiers that reached the approach.
  db.transaction(() => {
    const insertMeasure = db.prepare(
      `INSERT INTO measures (dossier_id, kind, description, partner, planned_on, started_on, decided_on, stage, tlp, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let dossierId = 1; dossierId <= sizes.dossiers; dossierId++) {
      if (!['aanpak', 'interventie', 'afgesloten'].includes(dossierStatus[dossierId]!)) continue;
      for (let m = random.int(3); m > 0; m--) {
        const planned = earliest(addDays(dossierOpened[dossierId]!, random.between(30, 400)), LAST_DATE);
        const stage = random.pick(['gepland', 'lopend', 'besloten', 'afgerond', 'vervallen']);
        const at = timestampOf(planned, random);
        insertMeasure.run(
          dossierId,
          random.pick(MEASURE_KINDS),
          null,
          random.chance(0.5) ? random.pick(PARTNERS) : null,
          planned,
          stage === 'gepland' ? null : planned,
          stage === 'besloten' || stage === 'afgerond' ? planned : null,
          stage,
          random.pick(TLP_CODES),
          at,
          at,
        );
      }
    }
  })();

  // Attachments, as the core stores them: a row and its 1 MiB chunks in one transaction.
  if (sizes.dossiers > 0 && sizes.attachmentsMb > 0) {
    const insertAttachment = db.prepare(
      `INSERT INTO attachments (dossier_id, file_name, media_type, byte_size, sha256, chunk_size, added_at, added_by, source_grade, information_grade, tlp)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertChunk = db.prepare('INSERT INTO attachment_chunks (attachment_id, seq, data) VALUES (?, ?, ?)');
    let remaining = sizes.attachmentsMb * 1024 * 1024;
    let number = 0;
    while (remaining > 0) {
      const size = Math.min(remaining, random.between(64 * 1024, 3 * 1024 * 1024));
      remaining -= size;
      const content = Buffer.alloc(size);
      fillBytes(random, content);
      const [name, mediaType] = random.pick(ATTACHMENT_KINDS);
      const extension = { 'image/jpeg': 'jpg', 'application/pdf': 'pdf', 'text/csv': 'csv', 'message/rfc822': 'eml' }[mediaType]!;
      const dossierId = 1 + random.int(sizes.dossiers);
      const { source, information } = grade(random);
      number++;
      db.transaction(() => {
        const id = insertAttachment.run(
          dossierId,
          `${name}-${String(number).padStart(4, '0')}.${extension}`,
          mediaType,
          size,
          crypto.createHash('sha256').update(content).digest('hex'),
          ATTACHMENT_CHUNK_SIZE,
          timestampOf(earliest(addDays(dossierOpened[dossierId]!, random.int(300)), LAST_DATE), random),
          'Programmaleider',
          source,
          information,
          random.pick(TLP_CODES),
        ).lastInsertRowid;
        for (let offset = 0, seq = 0; offset < size; offset += ATTACHMENT_CHUNK_SIZE, seq++) {
          insertChunk.run(id, seq, content.subarray(offset, Math.min(size, offset + ATTACHMENT_CHUNK_SIZE)));
        }
      })();
    }
  }
}

/** Row counts of the generated tables and of the search index. */
export function rowCounts(db: Connection): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const table of [...CONTENT_TABLES, 'search_index']) counts[table] = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return counts;
}

/** A hash over every row of the generated tables, in primary-key order: equal content, equal hash. */
export function contentHash(db: Connection): string {
  const hash = crypto.createHash('sha256');
  for (const table of CONTENT_TABLES) {
    hash.update(`\u0000${table}\u0000`);
    const columns = db.prepare(`SELECT * FROM ${table} LIMIT 0`).columns().length;
    const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
    const statement = db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).raw();
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      for (const value of row) hash.update(Buffer.isBuffer(value) ? value : `${typeof value}:${String(value)}\u0001`);
      hash.update('\u0002');
    }
  }
  return hash.digest('hex');
}

/** An unencrypted database with the vault's schema, opened with the vault's connection settings. */
export function openPlaintext(file: string, options: { create?: boolean } = {}): Connection {
  const db = new Database(file, { fileMustExist: !options.create });
  configureConnection(db);
  return db;
}

function fileBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, part) => sum + (fs.existsSync(part) ? fs.statSync(part).size : 0), 0);
}

export async function generateVault(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  let counts: Record<string, number>;
  let file: string;
  if (options.encrypted) {
    const { vault } = await Vault.create(options.path, { passphrase: options.passphrase ?? BENCH_PASSPHRASE, displayName: 'Benchmarkgemeente' }, { kdf: options.kdf });
    file = vault.path;
    try {
      fill(vault.database, options.seed, options.sizes);
      counts = rowCounts(vault.database);
      vault.database.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      vault.lock();
    }
  } else {
    file = path.resolve(options.path);
    if (fs.existsSync(file)) throw new Error(`${file} exists already`);
    const db = openPlaintext(file, { create: true });
    try {
      applyMigrations(db);
      fill(db, options.seed, options.sizes);
      counts = rowCounts(db);
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  }
  return { path: file, encrypted: options.encrypted, seconds: (performance.now() - started) / 1000, bytes: fileBytes(file), counts };
}

// ── As a script ─────────────────────────────────────────────────────────────────────────────

function parseArguments(argv: string[]): GenerateOptions {
  const value = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const out = value('out');
  if (!out)
    throw new Error(
      'usage: generate.ts --out <file> [--seed N] [--size large|small] [--signals N] [--dossiers N] [--subjects N] [--links N] [--notes N] [--attachments-mb N] [--plaintext] [--passphrase P] [--fast-kdf]',
    );
  const base = value('size') === 'small' ? SMALL_SIZES : LARGE_SIZES;
  const number = (name: string, fallback: number) => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const parsed = Number(raw);
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} needs a whole number, not ${raw}`);
    return parsed;
  };
  return {
    path: out,
    seed: number('seed', 2026),
    sizes: {
      signals: number('signals', base.signals),
      dossiers: number('dossiers', base.dossiers),
      subjects: number('subjects', base.subjects),
      links: number('links', base.links),
      notes: number('notes', base.notes),
      attachmentsMb: number('attachments-mb', base.attachmentsMb),
    },
    encrypted: !argv.includes('--plaintext'),
    passphrase: value('passphrase'),
    kdf: argv.includes('--fast-kdf') ? { fixedIterations: 1, memoryKiB: 65_536 } : undefined,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = parseArguments(process.argv.slice(2));
  const summary = await generateVault(options);
  console.log(
    `${summary.encrypted ? 'Encrypted vault' : 'Plaintext database'} ${summary.path}: ${(summary.bytes / 1024 / 1024).toFixed(0)} MB in ${summary.seconds.toFixed(1)} s`,
  );
  console.log(
    Object.entries(summary.counts)
      .map(([table, count]) => `  ${table}: ${count}`)
      .join('\n'),
  );
  if (summary.encrypted) console.log(`Passphrase: ${options.passphrase ?? BENCH_PASSPHRASE}`);
}
