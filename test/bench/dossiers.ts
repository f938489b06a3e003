/**
 * npm run bench (second part): the dossier queries at the size of issue 4 (100,000 signals, 20,000
 * dossiers, 50,000 subjects), in a real vault and in an unencrypted copy with the same schema and the
 * same rows, measured through the core's own functions (electron/core/dossiers). As in run.ts, the
 * comparison is printed as a ratio (encrypted / plaintext), measured in one run on this machine.
 *
 * The data is fictional and generated from a fixed seed, so that both databases hold exactly the
 * same rows; it is written with plain INSERTs in large transactions (the core's create functions
 * would take minutes at this size and would fill the audit trail).
 *
 *   BENCH_DOSSIER_RUNS   measured calls per query (default 100; 50–200 is sensible)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { api } from '../../shared/api';
import { subjectDetailsSchema, type SubjectDetailsInput } from '../../shared/api/subject-details';
import { CLOSING_REASONS, DOSSIER_STATUSES, HOW_RECEIVED, PRIORITIES, SUBJECT_ROLES, TLP_CODES } from '../../shared/domain/enums';
import { dossierContextFor, type DossierContext } from '../../electron/core/dossiers/context';
import { listDossiers } from '../../electron/core/dossiers/dossiers';
import { matchKeysFor } from '../../electron/core/dossiers/match-keys';
import { dossierMatches, subjectMatches } from '../../electron/core/dossiers/matching';
import { search } from '../../electron/core/dossiers/search';
import { listSignals, signalPageSql } from '../../electron/core/dossiers/signals';
import { subjectLabel } from '../../electron/core/dossiers/subject-label';
import { listSubjects } from '../../electron/core/dossiers/subjects';
import { configureConnection, type Connection } from '../../electron/core/vault/connection';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';
import { applyMigrations } from '../../electron/core/vault/migrations';
import { Vault } from '../../electron/core/vault/vault';

const SIZE = { signals: 100_000, dossiers: 20_000, subjects: 50_000 };
const RUNS = Number(process.env.BENCH_DOSSIER_RUNS ?? 100);
const WARMUP = 5;
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-dossiers-'));

/** mulberry32: a small seeded generator, so that both databases get the same rows. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

// Plainly fictional: names made of syllables, addresses on invented streets in "Fictiestad".
const SYLLABLES = ['bram', 'kol', 'ver', 'dal', 'mos', 'tin', 'hu', 'gel', 'ra', 'wen', 'sto', 'pel', 'lin', 'dor', 'vee', 'ka'];
const FIRST_NAMES = ['Anna', 'Bas', 'Cor', 'Dina', 'Eef', 'Fleur', 'Gijs', 'Hanna', 'Ids', 'Joke', 'Kees', 'Lot', 'Mees', 'Noor', 'Olaf', 'Pien'];
const LOOKALIKE_POOL = 2.5; // identities drawn (with repeats) from 2.5× as many as there are subjects: about a third share a key

function fictionalWord(random: ReturnType<typeof seeded>, parts: number): string {
  const word = Array.from({ length: parts }, () => random.pick(SYLLABLES)).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

function isoDate(random: ReturnType<typeof seeded>, fromYear: number, toYear: number): string {
  const year = fromYear + random.int(toYear - fromYear + 1);
  return `${year}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
}

/** The details of the fictional identity `n`: the same n gives the same match key. */
function identity(n: number): SubjectDetailsInput {
  const random = seeded(n * 7919 + 17);
  switch (n % 5) {
    case 0:
    case 1:
      return { type: 'person', name: `${random.pick(FIRST_NAMES)} ${fictionalWord(random, 3)}`, birthDate: isoDate(random, 1950, 2004) };
    case 2:
      return { type: 'organisation', name: `${fictionalWord(random, 3)} Fictief B.V.` };
    case 3:
      return { type: 'address', postcode: `${9000 + random.int(1000)}ZZ`, houseNumber: 1 + random.int(300), street: `${fictionalWord(random, 2)}straat`, city: 'Fictiestad' };
    default:
      return { type: 'email', address: `${fictionalWord(random, 3).toLowerCase()}@voorbeeld.invalid` };
  }
}

interface Generated {
  subjects: number;
  matchKeys: number;
  links: number;
  signals: number;
  dossiers: number;
}

/** The same rows into `db` (a fresh schema at the latest version), for a fixed seed. */
function fill(db: Connection): Generated {
  const random = seeded(2026);
  const now = '2026-01-15T09:00:00.000Z';
  const phenomenonIds = db.prepare('SELECT id FROM phenomena').pluck().all() as number[];
  const owners = ['Medewerker Een', 'Medewerker Twee', 'Medewerker Drie', 'Medewerker Vier', null];
  const grade = () => ({ source: random.pick(['A', 'B', 'C', 'X'] as const), information: 1 + random.int(4) });
  let matchKeys = 0;
  let links = 0;

  db.transaction(() => {
    const insertDossier = db.prepare(
      `INSERT INTO dossiers (id, year, sequence, title, summary, priority, owner, status, closing_reason, tlp, opened_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertPhenomenon = db.prepare('INSERT INTO dossier_phenomena (dossier_id, phenomenon_id) VALUES (?, ?)');
    const sequences = new Map<number, number>();
    for (let id = 1; id <= SIZE.dossiers; id++) {
      const year = 2019 + Math.floor(((id - 1) * 7) / SIZE.dossiers);
      const sequence = (sequences.get(year) ?? 0) + 1;
      sequences.set(year, sequence);
      const status = random.pick(DOSSIER_STATUSES);
      const opened = `${year}-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}`;
      insertDossier.run(
        id,
        year,
        sequence,
        `Fictief dossier ${fictionalWord(random, 2)} ${id}`,
        'Gegenereerd voor de benchmark; geen echte gegevens.',
        random.pick(PRIORITIES),
        random.pick(owners),
        status,
        status === 'afgesloten' ? random.pick(CLOSING_REASONS) : null,
        random.pick(TLP_CODES),
        opened,
        `${opened}T10:00:00.000Z`,
        `${opened}T12:00:00.000Z`,
      );
      insertPhenomenon.run(id, random.pick(phenomenonIds));
    }
    const insertCounter = db.prepare('INSERT INTO dossier_number_counters (year, last_sequence) VALUES (?, ?)');
    for (const [year, last] of sequences) insertCounter.run(year, last);
  })();

  db.transaction(() => {
    const insertSubject = db.prepare(
      `INSERT INTO subjects (id, type, label, details, source_grade, information_grade, tlp, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertKey = db.prepare('INSERT OR IGNORE INTO subject_match_keys (subject_id, kind, value) VALUES (?, ?, ?)');
    const pool = Math.floor(SIZE.subjects * LOOKALIKE_POOL);
    for (let id = 1; id <= SIZE.subjects; id++) {
      // Parsed by the real schema, labelled and keyed by the core: stored exactly as the app would store it.
      const details = subjectDetailsSchema.parse(identity(random.int(pool)));
      const { source, information } = grade();
      insertSubject.run(id, details.type, subjectLabel(details), JSON.stringify(details), source, information, random.pick(TLP_CODES), now, now);
      for (const key of matchKeysFor(details)) matchKeys += insertKey.run(id, key.kind, key.value).changes;
    }
  })();

  db.transaction(() => {
    const insertLink = db.prepare(
      `INSERT INTO subject_dossier_links (subject_id, dossier_id, role, source_grade, information_grade, tlp, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const roles = SUBJECT_ROLES.filter((role) => role !== 'melder');
    for (let dossierId = 1; dossierId <= SIZE.dossiers; dossierId++) {
      const count = 2 + random.int(5); // 2–6 subjects a dossier
      for (let i = 0; i < count; i++) {
        const { source, information } = grade();
        // One link in twenty is a reporter (melder): protected, never an occurrence elsewhere.
        const role = random.next() < 0.05 ? 'melder' : random.pick(roles);
        insertLink.run(1 + random.int(SIZE.subjects), dossierId, role, source, information, random.pick(TLP_CODES), now);
        links++;
      }
    }
  })();

  const batch = 25_000;
  for (let start = 1; start <= SIZE.signals; start += batch) {
    db.transaction(() => {
      const insertSignal = db.prepare(
        `INSERT INTO signals (id, received_on, how_received, reporter_name, origin, phenomenon_id, summary, location,
                              source_grade, information_grade, tlp, dossier_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (let id = start; id < Math.min(SIZE.signals + 1, start + batch); id++) {
        const received = isoDate(random, 2019, 2025);
        const { source, information } = grade();
        insertSignal.run(
          id,
          received,
          random.pick(HOW_RECEIVED),
          random.next() < 0.5 ? `${random.pick(FIRST_NAMES)} ${fictionalWord(random, 2)}` : null,
          'benchmark',
          random.pick(phenomenonIds),
          `Fictief signaal ${id}: ${fictionalWord(random, 3)}`,
          `${fictionalWord(random, 2)}straat ${1 + random.int(200)}, Fictiestad`,
          source,
          information,
          random.pick(TLP_CODES),
          random.next() < 0.6 ? 1 + random.int(SIZE.dossiers) : null,
          `${received}T08:00:00.000Z`,
          `${received}T08:00:00.000Z`,
        );
      }
    })();
  }
  return { subjects: SIZE.subjects, matchKeys, links, signals: SIZE.signals, dossiers: SIZE.dossiers };
}

/**
 * Bench-only: a DossierContext over a bare connection, with an audit that writes nothing. The app
 * never builds one of these (dossierContextFor takes an open Vault); it lets the same core functions
 * run on the unencrypted copy, and on the vault without the cost of an audit entry per call.
 */
function benchContext(db: Connection): DossierContext {
  return { db, actor: 'Bench', now: () => new Date('2026-01-15T09:00:00Z'), audit: () => undefined };
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * fraction) - 1)]!;
}

/** Median and p95 of RUNS calls; call i gets argument i (so that the lookups vary), after a warm-up. */
function measure(work: (i: number) => unknown): { median: number; p95: number } {
  for (let i = 0; i < WARMUP; i++) work(RUNS + i);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    work(i);
    times.push(performance.now() - started);
  }
  return { median: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const started = performance.now();
const vaultPath = path.join(folder, 'dossiers.kluis');
const { vault } = await Vault.create(vaultPath, { passphrase: 'benchmark wachtwoord 2026', displayName: 'Bench' }, { kdf: FAST_KDF_FOR_TESTS });
const plain = new Database(path.join(folder, 'dossiers-plain.db'));
const rows: string[][] = [];
try {
  configureConnection(plain); // the vault's settings (default page cache), without a key
  applyMigrations(plain);
  const fillEnc = performance.now();
  const generated = fill(vault.database);
  const fillPlain = performance.now();
  const generatedPlain = fill(plain);
  const filled = performance.now();
  if (JSON.stringify(generated) !== JSON.stringify(generatedPlain)) throw new Error('the two databases differ');
  for (const db of [vault.database, plain]) db.exec('ANALYZE');

  const encrypted = benchContext(vault.database);
  const asTheApp = dossierContextFor(vault);
  const plaintext = benchContext(plain);

  // The lookups vary per call, identically for both databases.
  const random = seeded(4);
  const subjectsWithLookalikes = plain
    .prepare('SELECT DISTINCT mine.subject_id FROM subject_match_keys mine JOIN subject_match_keys other ON other.kind = mine.kind AND other.value = mine.value AND other.subject_id <> mine.subject_id')
    .pluck()
    .all() as number[];
  const subjectIds = Array.from({ length: RUNS + WARMUP }, () => random.pick(subjectsWithLookalikes));
  const dossierIds = Array.from({ length: RUNS + WARMUP }, () => 1 + random.int(SIZE.dossiers));
  const deepOffset = (total: number) => Math.floor(total * 0.8);

  const signalFirst = api['signal.list'].input.parse({});
  const signalTotal = listSignals(plaintext, api['signal.list'].input.parse({ phenomenonId: 1, limit: 1 })).total;
  const signalDeep = api['signal.list'].input.parse({ phenomenonId: 1, offset: deepOffset(signalTotal) });
  const dossierFirst = api['dossier.list'].input.parse({});
  const dossierTotal = listDossiers(plaintext, api['dossier.list'].input.parse({ statuses: ['in_opwerking', 'aanpak'], limit: 1 })).total;
  const dossierDeep = api['dossier.list'].input.parse({ statuses: ['in_opwerking', 'aanpak'], offset: deepOffset(dossierTotal) });
  const searchCommon = api['subject.list'].input.parse({ query: 'bram' });
  const searchRare = api['subject.list'].input.parse({ query: 'Kolverdal' });
  // The search box (FTS5): a word in every signal, a prefix of street names, a rare name, two words.
  const ftsQueries = ['fictief', 'kol', 'Kolverdal', 'bram kolverdal'].map((query) => api['search.query'].input.parse({ query }));

  // Correctness on the large data set: the set-based dossierMatches gives what asking subject by subject gives.
  for (const dossierId of dossierIds.slice(0, 50)) {
    const perSubject = (plain.prepare('SELECT DISTINCT l.subject_id FROM subject_dossier_links l WHERE l.dossier_id = ? ORDER BY l.subject_id').pluck().all(dossierId) as number[])
      .map((subjectId) => subjectMatches(plaintext, { subjectId, excludeDossierId: dossierId }))
      .filter((matches) => matches.lookalikes.length > 0 || matches.dossiers.length > 0);
    if (JSON.stringify(perSubject) !== JSON.stringify(dossierMatches(plaintext, dossierId))) throw new Error(`dossierMatches differs for dossier ${dossierId}`);
  }

  const queries: Array<[string, (context: DossierContext, i: number) => unknown]> = [
    ['signal.list, first page (50, newest first)', (context) => listSignals(context, signalFirst)],
    ['  of which the page query alone (no count)', (context) => context.db.prepare(signalPageSql(signalFirst).page.sql).all(...signalPageSql(signalFirst).page.params)],
    [`signal.list, phenomenon filter, offset ${signalDeep.offset} of ${signalTotal}`, (context) => listSignals(context, signalDeep)],
    ['dossier.list, first page (50, by number)', (context) => listDossiers(context, dossierFirst)],
    [`dossier.list, 2 statuses, offset ${dossierDeep.offset} of ${dossierTotal}`, (context) => listDossiers(context, dossierDeep)],
    ['subject.list search (LIKE), "bram", first page', (context) => listSubjects(context, searchCommon)],
    ['subject.list search (LIKE), "Kolverdal", first page', (context) => listSubjects(context, searchRare)],
    ...ftsQueries.map(
      (query): [string, (context: DossierContext) => unknown] => [`search.query (FTS5) "${query.query}", 20 per kind`, (context) => search(context, query)],
    ),
    ['subjectMatches (a subject with look-alikes)', (context, i) => subjectMatches(context, { subjectId: subjectIds[i]! })],
    ['dossierMatches (set-based)', (context, i) => dossierMatches(context, dossierIds[i]!)],
    [
      'dossierMatches the old way (subjectMatches per subject)',
      (context, i) =>
        (context.db.prepare('SELECT DISTINCT subject_id FROM subject_dossier_links WHERE dossier_id = ?').pluck().all(dossierIds[i]!) as number[]).map((subjectId) =>
          subjectMatches(context, { subjectId, excludeDossierId: dossierIds[i]! }),
        ),
    ],
  ];

  const ms = (value: number) => `${value.toFixed(2)} ms`;
  rows.push(['Query (calls each: ' + RUNS + ')', 'encrypted median / p95', 'plaintext median / p95', 'ratio (median)']);
  for (const [label, work] of queries) {
    const enc = measure((i) => work(encrypted, i));
    const pla = measure((i) => work(plaintext, i));
    rows.push([label, `${ms(enc.median)} / ${ms(enc.p95)}`, `${ms(pla.median)} / ${ms(pla.p95)}`, `${(enc.median / pla.median).toFixed(2)}×`]);
  }
  // As the app runs them: each view writes its audit entry (hash chain, synchronous = FULL) in the same transaction.
  const appSubject = measure((i) => subjectMatches(asTheApp, { subjectId: subjectIds[i]! }));
  const appDossier = measure((i) => dossierMatches(asTheApp, dossierIds[i]!));
  rows.push(['subjectMatches as the app runs it (with audit entry)', `${ms(appSubject.median)} / ${ms(appSubject.p95)}`, '—', '—']);
  rows.push(['dossierMatches as the app runs it (with audit entry)', `${ms(appDossier.median)} / ${ms(appDossier.p95)}`, '—', '—']);

  vault.database.pragma('wal_checkpoint(TRUNCATE)');
  plain.pragma('wal_checkpoint(TRUNCATE)');
  const mb = (file: string) => `${(fs.statSync(file).size / 1024 / 1024).toFixed(0)} MB`;
  console.log(`\nDossierkluis dossier benchmark (${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version})`);
  console.log(
    `${generated.signals} signals, ${generated.dossiers} dossiers, ${generated.subjects} subjects (${generated.matchKeys} match keys, ` +
      `${subjectsWithLookalikes.length} with a look-alike), ${generated.links} subject–dossier links; ` +
      `vault ${mb(vaultPath)}, plaintext ${mb(path.join(folder, 'dossiers-plain.db'))}`,
  );
  console.log(`Fill: encrypted ${((fillPlain - fillEnc) / 1000).toFixed(1)} s, plaintext ${((filled - fillPlain) / 1000).toFixed(1)} s; ` +
    `page cache 64 MiB on both; audit a no-op in the compared rows (see benchContext)\n`);
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
  console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s`);
} finally {
  vault.lock();
  plain.close();
  fs.rmSync(folder, { recursive: true, force: true });
}
