/**
 * Parts 1 and 4 of the benchmark suite: the core's queries on a generated municipality, in the encrypted vault and
 * in a plaintext copy with the same schema, indexes and rows, measured through the core's own
 * functions (electron/core/dossiers, electron/core/reports) in one run; then the unlock of that
 * vault at its own KDF parameters and the time to its first list page.
 *
 * Each workload is called alternately on the two databases (encrypted, plaintext, encrypted, …) after
 * a warm-up, so that a busy machine slows both sides alike; call i gets input i, identical on both.
 * The audit of a view is a no-op in the compared rows (see benchContext): an audit entry is a
 * durable write (synchronous = FULL) that the plaintext side would not make.
 *
 *   BENCH_SIZE=large|small   (default large: 100,000 signals, 20,000 dossiers, 50,000 subjects, …)
 *   BENCH_RUNS               measured calls per workload and side (default 30)
 *   BENCH_SEED               seed of the generator (default 2026)
 *   BENCH_DATA_DIR           keep the generated databases here and reuse them on the next run
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { api } from '../../shared/api';
import type { CoreContext } from '../../electron/core/kernel/context';
import { getDossier, listDossiers } from '../../electron/core/dossiers/dossiers';
import { linkSubjectToDossier } from '../../electron/core/dossiers/links';
import { dossierMatches, subjectMatches } from '../../electron/core/dossiers/matching';
import { listMeasures } from '../../electron/core/dossiers/measures';
import { listNotes } from '../../electron/core/dossiers/notes';
import { search } from '../../electron/core/dossiers/search';
import { attachSignalToDossier, createSignal, listSignals } from '../../electron/core/dossiers/signals';
import { dossierStatusHistory } from '../../electron/core/dossiers/status';
import { dossierTimeline } from '../../electron/core/dossiers/timeline';
import { reportFigures } from '../../electron/core/reports/figures';
import { configureConnection, openEncryptedDatabase, quickCheck, unlockCheck, type Connection } from '../../electron/core/vault/connection';
import { deriveKeyEncryptionKey } from '../../electron/core/vault/kdf';
import { readKeyFile } from '../../electron/core/vault/key-file';
import { Vault } from '../../electron/core/vault/vault';
import { BENCH_PASSPHRASE, LARGE_SIZES, SMALL_SIZES, generateVault, openPlaintext, seeded, type GenerateSizes } from './generate';
import { percentiles, timingFigure, timingRow, timingRowWithP95, type BenchRow } from './table';

export const QUERY_GROUP = '1 Queries (encrypted / plaintext)';
export const OPEN_GROUP = '4 Unlock and open';
const MAX_RATIO = 1.3;
/** Issue 14: every search answers within this, at its p95, on the generated municipality. */
const SEARCH_MAX_P95_MS = 50;
/** Hits per kind that the results screen asks for (renderer/src/screens/search/SearchScreen.tsx). */
const SEARCH_LIMIT_PER_KIND = 25;
const WARMUP = 5;

export interface QueryBenchOptions {
  sizeName: 'large' | 'small';
  sizes: GenerateSizes;
  seed: number;
  runs: number;
  dataDir?: string;
  log?: (line: string) => void;
}

export function queryOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): QueryBenchOptions {
  const sizeName = env.BENCH_SIZE === 'small' ? 'small' : 'large';
  return {
    sizeName,
    sizes: sizeName === 'small' ? SMALL_SIZES : LARGE_SIZES,
    seed: Number(env.BENCH_SEED ?? 2026),
    runs: Number(env.BENCH_RUNS ?? 30),
    dataDir: env.BENCH_DATA_DIR,
    log: (line) => console.error(line),
  };
}

/**
 * Bench-only: a CoreContext over a bare connection with an audit that writes nothing, so that the
 * same core functions run on the plaintext copy, and on the vault without an audit write per call.
 */
function benchContext(db: Connection): CoreContext {
  return { db, actor: 'Benchmark', now: () => new Date('2026-01-15T09:00:00Z'), audit: () => undefined };
}

async function timeAsync<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** RUNS calls on each side, interleaved, after a warm-up; call i gets argument i on both sides. */
function compare(runs: number, encrypted: (i: number) => unknown, plaintext: (i: number) => unknown): { ours: number[]; reference: number[] } {
  for (let i = 0; i < WARMUP; i++) {
    encrypted(runs + i);
    plaintext(runs + i);
  }
  const ours: number[] = [];
  const reference: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [work, times] of [
      [encrypted, ours],
      [plaintext, reference],
    ] as const) {
      const started = performance.now();
      work(i);
      times.push(performance.now() - started);
    }
  }
  return { ours, reference };
}

interface Databases {
  vaultPath: string;
  plainPath: string;
  /** Seconds it took to generate each, when generated in this run. */
  seconds: { encrypted?: number; plaintext?: number };
}

/** Where the generated vault and its plaintext copy live in the data folder (reused when present). */
export function benchDatabasePaths(options: Pick<QueryBenchOptions, 'sizeName' | 'seed'>, folder: string): { name: string; vaultPath: string; plainPath: string } {
  const name = `${options.sizeName}-${options.seed}`;
  return { name, vaultPath: path.join(folder, `${name}.kluis`), plainPath: path.join(folder, `${name}.db`) };
}

async function ensureDatabases(options: QueryBenchOptions, folder: string): Promise<Databases> {
  const { name, vaultPath, plainPath } = benchDatabasePaths(options, folder);
  const seconds: Databases['seconds'] = {};
  if (!fs.existsSync(plainPath)) {
    options.log?.(`Generating the plaintext database (${name})…`);
    const summary = await generateVault({ path: plainPath, seed: options.seed, sizes: options.sizes, encrypted: false });
    seconds.plaintext = summary.seconds;
  }
  if (!fs.existsSync(vaultPath)) {
    options.log?.(`Generating the encrypted vault (${name}, calibrated KDF)…`);
    const summary = await generateVault({ path: vaultPath, seed: options.seed, sizes: options.sizes, encrypted: true, passphrase: BENCH_PASSPHRASE });
    seconds.encrypted = summary.seconds;
  }
  return { vaultPath, plainPath, seconds };
}

export async function queryBenchRows(options: QueryBenchOptions = queryOptionsFromEnvironment()): Promise<BenchRow[]> {
  const keep = options.dataDir !== undefined;
  const folder = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-queries-'));
  fs.mkdirSync(folder, { recursive: true });
  const rows: BenchRow[] = [];
  const { runs } = options;
  try {
    const { vaultPath, plainPath, seconds } = await ensureDatabases(options, folder);
    const sizes = options.sizes;
    rows.push({
      group: QUERY_GROUP,
      workload: `Data set: ${sizes.signals} signals, ${sizes.dossiers} dossiers, ${sizes.subjects} subjects, ${sizes.links} links, ${sizes.notes} notes, ${sizes.attachmentsMb} MB attachments (seed ${options.seed})`,
      figure: `vault ${(fs.statSync(vaultPath).size / 1024 / 1024).toFixed(0)} MB`,
      reference: `plaintext ${(fs.statSync(plainPath).size / 1024 / 1024).toFixed(0)} MB`,
    });
    if (seconds.encrypted !== undefined && seconds.plaintext !== undefined) {
      rows.push({
        group: QUERY_GROUP,
        workload: 'Generate the data set: bulk inserts with the search triggers (encrypted: with KDF calibration)',
        figure: `${seconds.encrypted.toFixed(1)} s`,
        reference: `${seconds.plaintext.toFixed(1)} s`,
        ratio: seconds.encrypted / seconds.plaintext,
      });
    }

    // 4. Unlock at the vault's own KDF parameters, and the way to the first list page.
    const kdf = readKeyFile(vaultPath).kdf;
    const kdfTimes: number[] = [];
    const unlockTimes: number[] = [];
    const firstPageTimes: number[] = [];
    const plainOpenTimes: number[] = [];
    const firstPage = (db: Connection) => {
      const context = benchContext(db);
      listSignals(context, api['signal.list'].input.parse({}));
      listDossiers(context, api['dossier.list'].input.parse({}));
    };
    let vault: Vault | undefined;
    for (let i = 0; i < 3; i++) {
      kdfTimes.push((await timeAsync(() => deriveKeyEncryptionKey(BENCH_PASSPHRASE, kdf))).ms);
      const started = performance.now();
      const unlocked = await Vault.unlock(vaultPath, { passphrase: BENCH_PASSPHRASE });
      unlockTimes.push(performance.now() - started);
      firstPage(unlocked.database);
      firstPageTimes.push(performance.now() - started);
      const plainStarted = performance.now();
      const plainDb = openPlaintext(plainPath);
      unlockCheck(plainDb);
      firstPage(plainDb);
      plainOpenTimes.push(performance.now() - plainStarted);
      plainDb.close();
      if (i < 2) unlocked.lock();
      else vault = unlocked;
    }
    rows.push({
      group: OPEN_GROUP,
      workload: 'Argon2id parameters of the vault (calibrated at creation)',
      figure: `${kdf.memoryKiB / 1024} MiB, ${kdf.iterations} passes, parallelism ${kdf.parallelism}`,
    });
    rows.push({ group: OPEN_GROUP, workload: 'Argon2id alone (3 runs)', figure: timingFigure(kdfTimes) });
    rows.push({
      group: OPEN_GROUP,
      workload: 'Unlock the generated vault: KDF + open + check of the small tables + migrations check (3 runs)',
      figure: timingFigure(unlockTimes),
    });
    rows.push({
      group: OPEN_GROUP,
      workload: 'Open the generated vault and show the first list page (unlock + signal.list + dossier.list)',
      figure: timingFigure(firstPageTimes),
      reference: `plaintext open + same checks + same pages: ${timingFigure(plainOpenTimes)}`,
    });

    // Where the unlock's time goes: the same steps on a bare connection, against the plaintext copy.
    const key = Buffer.from(await Vault.revealDatabaseKey(vaultPath, { passphrase: BENCH_PASSPHRASE }), 'hex');
    const steps = { open: [[], []], check: [[], []], fullCheck: [[], []], pages: [[], []] } as Record<'open' | 'check' | 'fullCheck' | 'pages', [number[], number[]]>;
    for (let i = 0; i < 3; i++) {
      for (const [side, opener] of [
        [0, () => openEncryptedDatabase(vaultPath, key)],
        [1, () => new Database(plainPath, { fileMustExist: true })],
      ] as const) {
        let started = performance.now();
        const db = opener();
        configureConnection(db);
        steps.open[side].push(performance.now() - started);
        started = performance.now();
        unlockCheck(db);
        steps.check[side].push(performance.now() - started);
        started = performance.now();
        firstPage(db);
        steps.pages[side].push(performance.now() - started);
        started = performance.now();
        quickCheck(db);
        steps.fullCheck[side].push(performance.now() - started);
        db.close();
      }
    }
    key.fill(0);
    const stepRow = (workload: string, [ours, reference]: [number[], number[]]): BenchRow => ({
      group: OPEN_GROUP,
      workload,
      figure: timingFigure(ours),
      reference: timingFigure(reference),
      ratio: percentiles(ours).median / percentiles(reference).median,
    });
    rows.push(stepRow('  of which: open the file, key and configure the connection', steps.open));
    rows.push(stepRow('  of which: quick_check of the tables unlock reads (schema, keys, settings)', steps.check));
    rows.push(stepRow('  of which: the first pages of signal.list and dossier.list (cold connection)', steps.pages));
    rows.push(
      stepRow(
        `Full quick_check (reads all ${(fs.statSync(vaultPath).size / 1024 / 1024).toFixed(0)} MB): after unlock, in its own worker thread, not waited for`,
        steps.fullCheck,
      ),
    );

    const plain = openPlaintext(plainPath);
    try {
      const encrypted = benchContext(vault!.database);
      const plaintext = benchContext(plain);
      const random = seeded(options.seed + 4);
      const count = runs + WARMUP;
      const pickIds = (sql: string) => {
        const ids = plain.prepare(sql).pluck().all() as number[];
        if (ids.length === 0) throw new Error(`no rows for ${sql}`);
        return Array.from({ length: count }, () => random.pick(ids));
      };

      const add = (workload: string, work: (context: CoreContext, i: number) => unknown, maxP95Ms?: number) => {
        const { ours, reference } = compare(
          runs,
          (i) => work(encrypted, i),
          (i) => work(plaintext, i),
        );
        rows.push(
          maxP95Ms === undefined
            ? timingRow(QUERY_GROUP, workload, ours, reference, MAX_RATIO)
            : timingRowWithP95(QUERY_GROUP, workload, ours, reference, MAX_RATIO, maxP95Ms),
        );
        options.log?.(`  ${workload}: ${timingFigure(ours)} / ${timingFigure(reference)}`);
      };

      // FTS: ten typical queries, with words from the generated notes, signals and subject names.
      const town =
        (plain.prepare("SELECT city FROM (SELECT json_extract(details, '$.city') AS city FROM subjects WHERE type = 'address' LIMIT 1)").pluck().get() as string) ??
        'Bramveen';
      const surname = ((plain.prepare("SELECT label FROM subjects WHERE type = 'person' ORDER BY id LIMIT 1").pluck().get() as string) ?? 'Kolverdal').split(' ').at(-1)!;
      // Each with the kind of query it stands for, at the screen's limit per kind; the box searches
      // as the user types, so every one must answer within SEARCH_MAX_P95_MS.
      const ftsQueries: Array<[string, string]> = [
        ['hennep', 'word'],
        ['kamerverhuur', 'word'],
        ['contant geld', 'two words'],
        ['garagebox', 'word'],
        ['bibob', 'word'],
        ['RIEC informatieplein', 'two words'],
        [town, 'place name'],
        [surname, 'surname'],
        ['ka', 'two-letter prefix'],
        ['wijkagent', 'word'],
      ];
      for (const [query, kind] of ftsQueries) {
        const input = api['search.query'].input.parse({ query, limit: SEARCH_LIMIT_PER_KIND });
        const { total, totalIsMinimum } = search(plaintext, input);
        add(`search.query (FTS5), ${kind}: "${query}" (${totalIsMinimum ? 'over ' : ''}${total} matches)`, (context) => search(context, input), SEARCH_MAX_P95_MS);
      }

      // Lists with filters: the first page and a deep offset.
      const drugs = plain.prepare("SELECT id FROM phenomena WHERE code = 'drugs'").pluck().get() as number;
      const dossierFilter = { statuses: ['in_opwerking', 'aanpak', 'interventie'], phenomenonId: drugs };
      const dossierTotal = listDossiers(plaintext, api['dossier.list'].input.parse({ ...dossierFilter, limit: 1 })).total;
      const dossierFirst = api['dossier.list'].input.parse(dossierFilter);
      const dossierDeep = api['dossier.list'].input.parse({ statuses: ['in_opwerking', 'aanpak', 'interventie'], offset: Math.floor(sizes.dossiers * 0.2) });
      add(`dossier.list, 3 statuses + phenomenon (${dossierTotal} hits), first page`, (context) => listDossiers(context, dossierFirst));
      add(`dossier.list, 3 statuses, offset ${dossierDeep.offset}`, (context) => listDossiers(context, dossierDeep));
      const signalTotal = listSignals(plaintext, api['signal.list'].input.parse({ phenomenonId: drugs, limit: 1 })).total;
      const signalDeep = api['signal.list'].input.parse({ phenomenonId: drugs, offset: Math.floor(signalTotal * 0.8) });
      add(`signal.list, phenomenon filter, offset ${signalDeep.offset} of ${signalTotal}`, (context) => listSignals(context, signalDeep));

      // "Komt ook voor in": a subject with look-alikes, and a whole dossier's subjects at once.
      const withLookalikes = pickIds(
        `SELECT DISTINCT mine.subject_id FROM subject_match_keys mine
           JOIN subject_match_keys other ON other.kind = mine.kind AND other.value = mine.value AND other.subject_id <> mine.subject_id`,
      );
      add('subject.matches ("komt ook voor in") for a subject with look-alikes', (context, i) => subjectMatches(context, { subjectId: withLookalikes[i]! }));
      const dossierIds = pickIds('SELECT id FROM dossiers');
      add('dossier.matches (every subject of a dossier)', (context, i) => dossierMatches(context, dossierIds[i]!));

      // What the dossier screen loads when it opens.
      const timelineInputs = dossierIds.map((dossierId) => api['dossier.timeline'].input.parse({ dossierId }));
      const noteInputs = dossierIds.map((dossierId) => api['note.list'].input.parse({ dossierId }));
      add('Dossier detail: dossier.get + timeline, journal first page + history + measures', (context, i) => {
        getDossier(context, dossierIds[i]!);
        dossierTimeline(context, timelineInputs[i]!);
        listNotes(context, noteInputs[i]!);
        dossierStatusHistory(context, dossierIds[i]!);
        listMeasures(context, dossierIds[i]!);
      });

      // A signal with its links, rolled back so that the runs do not drift.
      const subjectIds = pickIds('SELECT id FROM subjects');
      const signalInput = api['signal.create'].input.parse({
        howReceived: 'meldpunt',
        summary: 'Buurtbewoners melden veel verkeer bij een garagebox',
        description: "Er wordt 's nachts geladen en gelost met bestelbusjes.",
        location: 'Molenstraat 12, Bramveen',
        phenomenonId: drugs,
        receivedOn: '2025-06-01',
      });
      add('Insert a signal into a dossier with 2 subject links (rolled back)', (context, i) => {
        context.db.exec('BEGIN IMMEDIATE');
        try {
          const signal = createSignal(context, signalInput);
          attachSignalToDossier(context, { signalId: signal.id, dossierId: dossierIds[i]! });
          for (const offset of [0, 1]) {
            linkSubjectToDossier(
              context,
              api['subject.linkToDossier'].input.parse({ subjectId: subjectIds[(i + offset) % subjectIds.length]!, dossierId: dossierIds[i]!, role: 'betrokkene' }),
            );
          }
        } finally {
          context.db.exec('ROLLBACK');
        }
      });

      add('report.figures for 2024', (context) => reportFigures(context.db, { from: '2024-01-01', to: '2024-12-31' }));
    } finally {
      plain.close();
      vault?.lock();
    }
    // The queries first, then the unlock figures (measured first, before the page cache was warm).
    return [...rows.filter((row) => row.group === QUERY_GROUP), ...rows.filter((row) => row.group !== QUERY_GROUP)];
  } finally {
    if (!keep) fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const { formatTable } = await import('./table');
  console.log(formatTable(await queryBenchRows()));
}
