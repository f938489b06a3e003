/**
 * Bundles under load (parts 2 and 3 of the benchmark suite): a dossier with one large attachment (1024 MiB of
 * random bytes by default, BUNDLE_BENCH_MB to change it) is exported from vault A and imported into
 * vault B; Debian's `age` encrypts and decrypts the same bytes in the same run, as the reference.
 *
 *   npx tsx test/bench/bundles.ts                  prints the rows as a table
 *   BUNDLE_BENCH_MB=256 npx tsx test/bench/bundles.ts
 *   BUNDLE_BENCH_PROFILE=<folder>                  also writes --cpu-prof profiles of each step
 *
 * Each measured step runs in a child process of its own, in the shape the app has: the calling
 * thread (Electron's main process, or the browser host) is the MAIN thread of that process, and the
 * core runs in its worker thread (electron/core/worker, started here through bundle-bench-worker.ts,
 * which adds an event-loop gauge to the unchanged core worker). So:
 *   - "UI thread" rows are the main thread's event-loop delay: the thread that answers the UI.
 *   - "Core thread" rows are the worker's own delay: a call the UI makes waits on that thread (and
 *     on the core's queue, which runs one call at a time), which the round-trip row shows.
 * Peak RSS is the whole process (every thread: main, core worker, and the export's bundle writer
 * worker), measured from just before the step (VmHWM reset through /proc/self/clear_refs on
 * Linux), so the unlock's Argon2id memory does not count.
 */
import { spawnSync } from 'node:child_process';
import { build as esbuild } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BroadcastChannel } from 'node:worker_threads';
import { Core, type CoreOptions } from '../../electron/core/api/core';
import type { CoreService } from '../../electron/core/api/core-service';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';
import { Vault } from '../../electron/core/vault/vault';
import { CoreWorkerClient } from '../../electron/core/worker/core-worker-client';
import type { HandlerName, Input, Output } from '../../shared/api';
import { GAUGE_CHANNEL, type DelayFigures, type GaugeMessage } from './bundle-gauge';
import { formatMs, formatTable, percentiles, timingFigure, type BenchRow } from './table';

const PASSPHRASE = 'benchmark wachtwoord 2026';
const self = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(self), '../..');
/**
 * The gauge-carrying core worker and this file itself, bundled as scripts/build.mjs bundles the
 * host (see buildForChildren): the measured children run them with plain node, as the app runs its
 * code, without a TypeScript loader (whose own threads and caches would count in the memory).
 * From out/bench/, as from test/bench/, the repository is two folders up.
 */
const benchWorker = path.join(root, 'out/bench/bundle-bench-worker.mjs');
const benchChild = path.join(root, 'out/bench/bundles.mjs');
const MiB = 1024 * 1024;
/** How often the "user" asks the core for the dossier list during an export or import. */
const PROBE_INTERVAL_MS = 200;

/**
 * As the browser host runs the core: the export's age sealing and writes in the bundle writer's
 * worker (built by `node scripts/build.mjs`, which `npm run bench` runs first). The background
 * integrity check is left out: right after unlock it would read the whole 1 GiB vault on the other
 * core while the export runs, which measures the two together rather than the export.
 */
const bundleWriterScript = path.join(root, 'out/host/bundle-writer-worker.mjs');

function coreOptions(userDataDir: string): CoreOptions {
  const writerWorker = fs.existsSync(bundleWriterScript) ? { script: bundleWriterScript } : undefined;
  return { userDataDir, host: 'browser', appVersion: 'bench', vault: { kdf: FAST_KDF_FOR_TESTS }, bundles: { writerWorker } };
}

function caller(core: CoreService) {
  return <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => core.call(name, input);
}

// ── Memory ──────────────────────────────────────────────────────────────────────────────────

function procStatusKb(field: 'VmHWM' | 'VmRSS'): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Start a new peak: Linux resets VmHWM to the current RSS; elsewhere the process's peak so far stands. */
function resetPeak(): number {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak below is the process's, from its start.
  }
  return Math.round((procStatusKb('VmRSS') ?? process.memoryUsage.rss() / 1024) / 1024);
}

function peakMiB(): number {
  return Math.round((procStatusKb('VmHWM') ?? process.resourceUsage().maxRSS) / 1024);
}

// ── One measured step, in a child process ─────────────────────────────────────────────────────

interface Measured {
  seconds: number;
  rssStartMiB: number;
  peakRssMiB: number;
  uiDelay: DelayFigures;
  coreDelay: DelayFigures;
  /** Round trips of dossier.list calls made every PROBE_INTERVAL_MS during the step, in ms. */
  probes: number[];
  /** Round trips of meeting.list calls, as many, half an interval after each dossier.list, in ms. */
  meetingProbes: number[];
}

interface StepResult {
  main: Measured;
  /** The import's inspection, measured the same way, before the import. */
  inspect?: Measured;
}

const histogramFigures = (histogram: ReturnType<typeof monitorEventLoopDelay>): DelayFigures => ({
  p50: histogram.percentile(50) / 1e6,
  p99: histogram.percentile(99) / 1e6,
  max: histogram.max / 1e6,
  count: histogram.count,
});

function gaugeRequest(channel: BroadcastChannel, message: GaugeMessage, answer: GaugeMessage['type']): Promise<GaugeMessage> {
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const data = (event as { data: GaugeMessage }).data;
      if (data.type === answer) resolve(data);
    };
    channel.postMessage(message);
  });
}

/** Run `work` with both threads' event-loop delay, the process's peak RSS, and a stream of small calls. */
async function measure(core: CoreService, channel: BroadcastChannel, work: () => Promise<unknown>): Promise<Measured> {
  const call = caller(core);
  global.gc?.();
  const rssStartMiB = resetPeak();
  await gaugeRequest(channel, { type: 'start' }, 'started');
  const ui = monitorEventLoopDelay({ resolution: 10 });
  ui.enable();
  const probes: Array<Promise<number>> = [];
  const meetingProbes: Array<Promise<number>> = [];
  const roundTrip = (pending: Promise<unknown>, sent: number) => pending.then(() => performance.now() - sent);
  const started = performance.now();
  const ticker = setInterval(() => probes.push(roundTrip(call('dossier.list', { limit: 50, offset: 0 }), performance.now())), PROBE_INTERVAL_MS);
  // Offset by half an interval, so that the two kinds of probe do not queue behind each other.
  let meetingTicker: NodeJS.Timeout | undefined;
  const meetingStart = setTimeout(() => {
    meetingTicker = setInterval(() => meetingProbes.push(roundTrip(call('meeting.list', {}), performance.now())), PROBE_INTERVAL_MS);
  }, PROBE_INTERVAL_MS / 2);
  try {
    await work();
  } finally {
    clearInterval(ticker);
    clearTimeout(meetingStart);
    clearInterval(meetingTicker);
  }
  const seconds = (performance.now() - started) / 1000;
  ui.disable();
  const uiDelay = histogramFigures(ui);
  const peakRssMiB = peakMiB();
  const coreDelay = ((await gaugeRequest(channel, { type: 'stop' }, 'figures')) as Extract<GaugeMessage, { type: 'figures' }>).figures;
  return { seconds, rssStartMiB, peakRssMiB, uiDelay, coreDelay, probes: await Promise.all(probes), meetingProbes: await Promise.all(meetingProbes) };
}

type Step = 'export' | 'import' | 'attachment';

async function child(step: Step, vaultPath: string, filePath: string, partnerId: number): Promise<StepResult> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-child-'));
  const core = new CoreWorkerClient(coreOptions(userDataDir), benchWorker);
  const channel = new BroadcastChannel(GAUGE_CHANNEL);
  const call = caller(core);
  try {
    await call('vault.unlock', { path: vaultPath, passphrase: PASSPHRASE });
    if (step === 'export') {
      const dossiers = await call('dossier.list', { limit: 10, offset: 0 });
      const dossierId = dossiers.items.find((dossier) => dossier.title === 'Benchmark')!.id;
      return {
        main: await measure(core, channel, () =>
          call('bundle.export', { dossierIds: [dossierId], recipients: [{ partnerId }], targetPath: filePath, override: { reason: 'Benchmark: alles mee' } }),
        ),
      };
    }
    if (step === 'import') {
      let manifestSha256 = '';
      const inspect = await measure(core, channel, async () => {
        manifestSha256 = (await call('bundle.inspect', { path: filePath })).manifestSha256;
      });
      return { inspect, main: await measure(core, channel, () => call('bundle.import', { path: filePath, manifestSha256 })) };
    }
    // The floor of the import: the same bytes written into the vault as a plain attachment.
    const dossier = await call('dossier.create', { title: 'Referentie' });
    return { main: await measure(core, channel, () => call('attachment.import', { dossierId: dossier.id, sourcePath: filePath })) };
  } finally {
    channel.close();
    await core.dispose();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * The floor of the export: SQLCipher decrypting the attachment's chunks, nothing else (and then
 * with SHA-256 over them, as the export checks them), straight on the connection, in-thread.
 */
async function readFloor(vaultPath: string): Promise<{ readSeconds: number; readAndHashSeconds: number }> {
  const vault = await Vault.unlock(vaultPath, { passphrase: PASSPHRASE }, { kdf: FAST_KDF_FOR_TESTS });
  try {
    const id = vault.database.prepare(`SELECT id FROM attachments ORDER BY byte_size DESC LIMIT 1`).pluck().get() as number;
    const rows = () => vault.database.prepare('SELECT data FROM attachment_chunks WHERE attachment_id = ? ORDER BY seq').pluck().iterate(id) as IterableIterator<Buffer>;
    let started = performance.now();
    let bytes = 0;
    for (const data of rows()) bytes += data.length;
    const readSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const hash = crypto.createHash('sha256');
    for (const data of rows()) hash.update(data);
    hash.digest();
    if (bytes === 0) throw new Error('no chunks');
    return { readSeconds, readAndHashSeconds: (performance.now() - started) / 1000 };
  } finally {
    vault.lock();
  }
}

function runChild(args: string[], profileName?: string): string {
  const profile = process.env.BUNDLE_BENCH_PROFILE;
  const flags = profile && profileName ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profile), '--cpu-prof-name', `${profileName}.cpuprofile`] : [];
  const result = spawnSync(process.execPath, [...flags, '--expose-gc', benchChild, '--child', ...args], { encoding: 'utf8', maxBuffer: 16 * MiB });
  if (result.status !== 0) throw new Error(`bench child ${args[0]} failed: ${result.stderr}`);
  return result.stdout.trim().split('\n').at(-1)!;
}

const runStep = (step: Step, vaultPath: string, filePath: string, partnerId: number): StepResult =>
  JSON.parse(runChild([step, vaultPath, filePath, String(partnerId)], step)) as StepResult;

/** `age` under /usr/bin/time: seconds and peak RSS. */
function timeAge(args: string[]): { seconds: number; peakRssMiB: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'age', ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`age ${args.join(' ')}: ${result.stderr}`);
  return { seconds, peakRssMiB: Math.round(Number(result.stderr.trim().split('\n').at(-1)) / 1024) };
}

function randomFile(target: string, bytes: number): void {
  const fd = fs.openSync(target, 'w');
  const block = Buffer.allocUnsafe(8 * MiB);
  try {
    for (let written = 0; written < bytes;) {
      const length = Math.min(block.length, bytes - written);
      crypto.randomFillSync(block, 0, length);
      fs.writeSync(fd, block, 0, length);
      written += length;
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function buildForChildren(): Promise<void> {
  for (const [entry, outfile] of [
    ['test/bench/bundle-bench-worker.ts', benchWorker],
    ['test/bench/bundles.ts', benchChild],
  ] as const) {
    await esbuild({
      entryPoints: [path.join(root, entry)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: ['electron', 'better-sqlite3-multiple-ciphers', 'esbuild'],
      logLevel: 'warning',
      banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    });
  }
}

// ── The rows ────────────────────────────────────────────────────────────────────────────────

const GROUP_THROUGHPUT = '2 Bundles (throughput, memory)';
const GROUP_RESPONSIVE = '3 Responsiveness during a bundle export and import';
const RSS_LIMIT_MIB = 300;
const DELAY_LIMIT_MS = 50;
/** Issue 14: a dossier list asked during the import of a large bundle is answered within this (p95). */
const LIST_DURING_IMPORT_LIMIT_MS = 200;

export async function bundleBenchRows(options: { megabytes?: number } = {}): Promise<BenchRow[]> {
  const sizeMb = options.megabytes ?? Number(process.env.BUNDLE_BENCH_MB ?? 1024);
  const bytes = sizeMb * MiB;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-bundles-'));
  try {
    process.stderr.write(`Bundles: two vaults and a ${sizeMb} MiB attachment in ${folder} ...\n`);
    const vaults = { a: path.join(folder, 'a.kluis'), b: path.join(folder, 'b.kluis') };
    const source = path.join(folder, 'bijlage.bin');
    randomFile(source, bytes);
    await buildForChildren();
    const cores = { a: new Core(coreOptions(fs.mkdtempSync(path.join(folder, 'app-a-')))), b: new Core(coreOptions(fs.mkdtempSync(path.join(folder, 'app-b-')))) };
    const a = caller(cores.a);
    const b = caller(cores.b);
    await a('vault.create', { path: vaults.a, passphrase: PASSPHRASE, displayName: 'Bench A' });
    await b('vault.create', { path: vaults.b, passphrase: PASSPHRASE, displayName: 'Bench B' });
    const cardB = path.join(folder, 'b.json');
    await b('bundle.writeCard', { targetPath: cardB });
    const partner = await a('addressBook.add', { path: cardB, verified: true, organisationCode: 'riec' });
    const cardA = path.join(folder, 'a.json');
    await a('bundle.writeCard', { targetPath: cardA });
    await b('addressBook.add', { path: cardA, verified: true });
    const identityFile = path.join(folder, 'b.agekey');
    await b('bundle.writeAgeIdentity', { targetPath: identityFile });
    const recipient = (await b('bundle.identity', {})).ageRecipient;
    const dossier = await a('dossier.create', { title: 'Benchmark', tlp: 'AMBER' });
    await a('attachment.import', { dossierId: dossier.id, sourcePath: source, tlp: 'AMBER' });
    // Something for the meeting.list probes to read in A during the export.
    for (let index = 0; index < 10; index++) await a('meeting.create', { kind: 'casustafel', heldOn: `2025-0${1 + (index % 9)}-15`, title: `Casustafel ${index + 1}` });
    // Something for the dossier.list probes to read in B, as in a vault in use.
    for (let index = 0; index < 20; index++) await b('dossier.create', { title: `Bestaand dossier ${index + 1}` });
    await cores.a.dispose();
    await cores.b.dispose();

    const bundle = path.join(folder, 'bench.dkbundel');
    process.stderr.write('Bundles: export, import, floors, age ...\n');
    const exported = runStep('export', vaults.a, bundle, partner.id).main;
    const importStep = runStep('import', vaults.b, bundle, partner.id);
    const imported = importStep.main;
    const inspected = importStep.inspect!;
    const written = runStep('attachment', vaults.b, source, partner.id).main;
    const floor = JSON.parse(runChild(['read-floor', vaults.a], 'read-floor')) as Awaited<ReturnType<typeof readFloor>>;
    const ageEncrypt = timeAge(['-r', recipient, '-o', path.join(folder, 'bijlage.age'), source]);
    fs.rmSync(path.join(folder, 'bijlage.out'), { force: true });
    const ageDecrypt = timeAge(['-d', '-i', identityFile, '-o', path.join(folder, 'bijlage.out'), path.join(folder, 'bijlage.age')]);

    const rate = (seconds: number) => sizeMb / seconds;
    const throughput = (seconds: number) => `${rate(seconds).toFixed(0)} MiB/s (${seconds.toFixed(1)} s)`;
    const throughputRow = (workload: string, seconds: number, reference: { seconds: number; peakRssMiB: number }, referenceName: string, target?: number): BenchRow => {
      const ratio = rate(seconds) / rate(reference.seconds);
      return {
        group: GROUP_THROUGHPUT,
        workload,
        figure: throughput(seconds),
        reference: `${referenceName}: ${throughput(reference.seconds)}, peak RSS ${reference.peakRssMiB} MiB`,
        ratio,
        target: target === undefined ? undefined : `≥ ${target.toFixed(2)}`,
        meets: target === undefined ? undefined : ratio >= target,
      };
    };
    const rssRow = (workload: string, measured: Measured): BenchRow => ({
      group: GROUP_THROUGHPUT,
      workload,
      figure: `${measured.peakRssMiB} MiB (${measured.rssStartMiB} MiB at the start)`,
      target: `< ${RSS_LIMIT_MIB} MiB`,
      meets: measured.peakRssMiB < RSS_LIMIT_MIB,
    });
    const delayFigure = (delay: DelayFigures) =>
      `p99 ${formatMs(delay.p99)}, max ${formatMs(delay.max)}` + (delay.stallMax === undefined ? '' : `; longest stall ${formatMs(delay.stallMax)}`);
    const coreDelayMeets = (delay: DelayFigures) => Math.max(delay.p99, delay.stallP99 ?? 0) < DELAY_LIMIT_MS;
    const probeFigure = (probes: number[]) => (probes.length ? `${timingFigure(probes)} (${probes.length} calls)` : 'no call made');
    const rows: BenchRow[] = [
      throughputRow(`Export ${sizeMb} MiB: vault → tar → age → file`, exported.seconds, ageEncrypt, 'age -r', 0.5),
      throughputRow('Import alone (after the inspection): file → age → tar → checks → vault', imported.seconds, ageDecrypt, 'age -d', 0.5),
      throughputRow('Inspection (decrypt and verify everything, no writes)', inspected.seconds, ageDecrypt, 'age -d'),
      throughputRow('Inspection + import, as the import wizard does them', inspected.seconds + imported.seconds, ageDecrypt, 'age -d'),
      rssRow('Peak RSS during the export (the whole process: main, core worker and bundle writer threads)', exported),
      rssRow('Peak RSS during the import (the whole process)', imported),
      {
        group: GROUP_THROUGHPUT,
        workload: 'Floor of the export: SQLCipher reading the same chunks (then with SHA-256)',
        figure: `${throughput(floor.readSeconds)}; with SHA-256 ${throughput(floor.readAndHashSeconds)}`,
        reference: `export: ${throughput(exported.seconds)}`,
        ratio: rate(exported.seconds) / rate(floor.readSeconds),
      },
      {
        group: GROUP_THROUGHPUT,
        workload: 'Floor of the import: attachment.import of the same bytes (SQLCipher writing them)',
        figure: throughput(written.seconds),
        reference: `import: ${throughput(imported.seconds)}`,
        ratio: rate(imported.seconds) / rate(written.seconds),
      },
      {
        group: GROUP_RESPONSIVE,
        workload: 'UI thread (main; the core in its worker): event-loop delay during the export',
        figure: delayFigure(exported.uiDelay),
        target: `p99 < ${DELAY_LIMIT_MS} ms`,
        meets: exported.uiDelay.p99 < DELAY_LIMIT_MS,
      },
      {
        group: GROUP_RESPONSIVE,
        workload: 'Core worker thread: event-loop delay during the export (a UI call waits on it)',
        figure: delayFigure(exported.coreDelay),
        target: `p99 < ${DELAY_LIMIT_MS} ms`,
        meets: coreDelayMeets(exported.coreDelay),
      },
      {
        group: GROUP_RESPONSIVE,
        workload: `dossier.list round trip during the export (one every ${PROBE_INTERVAL_MS} ms)`,
        figure: probeFigure(exported.probes),
      },
      {
        group: GROUP_RESPONSIVE,
        workload: `meeting.list round trip during the export (one every ${PROBE_INTERVAL_MS} ms; a read since it is declared one)`,
        figure: probeFigure(exported.meetingProbes),
      },
      {
        group: GROUP_RESPONSIVE,
        workload: 'UI thread: event-loop delay during the import',
        figure: delayFigure(imported.uiDelay),
        target: `p99 < ${DELAY_LIMIT_MS} ms`,
        meets: imported.uiDelay.p99 < DELAY_LIMIT_MS,
      },
      {
        group: GROUP_RESPONSIVE,
        workload: 'Core worker thread: event-loop delay during the import',
        figure: delayFigure(imported.coreDelay),
        target: `p99 < ${DELAY_LIMIT_MS} ms`,
        meets: coreDelayMeets(imported.coreDelay),
      },
      {
        group: GROUP_RESPONSIVE,
        workload: `dossier.list round trip during the import (one every ${PROBE_INTERVAL_MS} ms; answered beside the import's transaction)`,
        figure: probeFigure(imported.probes),
        target: `p95 < ${LIST_DURING_IMPORT_LIMIT_MS} ms`,
        meets: imported.probes.length > 0 && percentiles(imported.probes).p95 < LIST_DURING_IMPORT_LIMIT_MS,
      },
      {
        group: GROUP_RESPONSIVE,
        workload: `meeting.list round trip during the import (one every ${PROBE_INTERVAL_MS} ms)`,
        figure: probeFigure(imported.meetingProbes),
      },
    ];
    return rows;
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , step, vaultPath, filePath, partnerId] = process.argv;
  const result = step === 'read-floor' ? await readFloor(vaultPath!) : await child(step as Step, vaultPath!, filePath!, Number(partnerId));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} else if (path.resolve(process.argv[1] ?? '') === self) {
  const rows = await bundleBenchRows();
  process.stdout.write(
    `\nBundles, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')}, Node ${process.version}, age ${spawnSync('age', ['--version'], { encoding: 'utf8' }).stdout.trim()}\n\n`,
  );
  process.stdout.write(`${formatTable(rows)}\n`);
}
