/**
 * Bundle throughput and memory (issue 6, "Figures for your note"): a dossier with one large
 * attachment is exported from vault A to vault B and imported there; the same bytes are encrypted
 * and decrypted by Debian's `age` for comparison. Each measured step runs in a child process of its
 * own, so that its peak RSS is its own. Not part of `npm test`:
 *
 *   npx tsx test/bench/bundles.ts            (BUNDLE_BENCH_MB=1024 by default)
 *   BUNDLE_BENCH_MB=200 npx tsx test/bench/bundles.ts
 *
 * Printed: seconds, MB/s, peak RSS, and ratios against age (ours / age: above 1 is slower).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Core } from '../../electron/core/api/core';
import { FAST_KDF_FOR_TESTS } from '../../electron/core/vault/kdf';
import type { HandlerName, Input, Output } from '../../shared/api';

const PASSPHRASE = 'benchmark wachtwoord 2026';
const self = fileURLToPath(import.meta.url);

function coreFor(userDataDir: string): Core {
  return new Core({ userDataDir, host: 'browser', appVersion: 'bench', vault: { kdf: FAST_KDF_FOR_TESTS } });
}

function caller(core: Core) {
  return async <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => {
    const result = await core.call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
    return result.value as Output<K>;
  };
}

interface StepResult {
  seconds: number;
  /** For the import: the inspection alone (the rest is the import's own pass). */
  inspectSeconds?: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

const megabytes = (kilobytes: number) => Math.round(kilobytes / 1024);

/** One measured step, in this (child) process: unlock, then time the operation alone. */
async function child(step: Step, vaultPath: string, bundlePath: string, partnerId: string): Promise<void> {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-child-'));
  const core = coreFor(userDataDir);
  const call = caller(core);
  await call('vault.unlock', { path: vaultPath, passphrase: PASSPHRASE });
  const rssBefore = process.resourceUsage().maxRSS;
  const started = performance.now();
  let inspectSeconds: number | undefined;
  if (step === 'export') {
    const dossiers = await call('dossier.list', { limit: 10, offset: 0 });
    await call('bundle.export', { dossierIds: [dossiers.items[0]!.id], recipients: [{ partnerId: Number(partnerId) }], targetPath: bundlePath });
  } else if (step === 'import') {
    const inspection = await call('bundle.inspect', { path: bundlePath });
    inspectSeconds = (performance.now() - started) / 1000;
    await call('bundle.import', { path: bundlePath, manifestSha256: inspection.manifestSha256 });
  } else {
    // The reference: the same bytes as a plain attachment import (SQLCipher's own write cost).
    const dossier = await call('dossier.create', { title: 'Referentie' });
    await call('attachment.import', { dossierId: dossier.id, sourcePath: bundlePath });
  }
  const seconds = (performance.now() - started) / 1000;
  const result: StepResult = { seconds, inspectSeconds, rssBeforeMb: megabytes(rssBefore), peakRssMb: megabytes(process.resourceUsage().maxRSS) };
  await core.dispose();
  fs.rmSync(userDataDir, { recursive: true, force: true });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

type Step = 'export' | 'import' | 'attachment';

function runChild(step: Step, vaultPath: string, bundlePath: string, partnerId: number): StepResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', step, vaultPath, bundlePath, String(partnerId)], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${step} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as StepResult;
}

/** `age` under /usr/bin/time: seconds and peak RSS. */
function timeAge(args: string[]): { seconds: number; peakRssMb: number } {
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%M', 'age', ...args], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`age ${args.join(' ')}: ${result.stderr}`);
  return { seconds, peakRssMb: megabytes(Number(result.stderr.trim().split('\n').at(-1))) };
}

function randomFile(target: string, bytes: number): void {
  const fd = fs.openSync(target, 'w');
  const block = Buffer.allocUnsafe(8 * 1024 * 1024);
  try {
    for (let written = 0; written < bytes; ) {
      const length = Math.min(block.length, bytes - written);
      crypto.randomFillSync(block, 0, length);
      fs.writeSync(fd, block, 0, length);
      written += length;
    }
  } finally {
    fs.closeSync(fd);
  }
}

async function main(): Promise<void> {
  const sizeMb = Number(process.env.BUNDLE_BENCH_MB ?? 1024);
  const bytes = sizeMb * 1024 * 1024;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-bundles-'));
  try {
    process.stderr.write(`Preparing two vaults and a ${sizeMb} MiB attachment in ${folder} ...\n`);
    const vaults = { a: path.join(folder, 'a.kluis'), b: path.join(folder, 'b.kluis') };
    const source = path.join(folder, 'bijlage.bin');
    randomFile(source, bytes);
    const cores = { a: coreFor(fs.mkdtempSync(path.join(folder, 'app-a-'))), b: coreFor(fs.mkdtempSync(path.join(folder, 'app-b-'))) };
    const a = caller(cores.a);
    const b = caller(cores.b);
    await a('vault.create', { path: vaults.a, passphrase: PASSPHRASE, displayName: 'Bench A' });
    await b('vault.create', { path: vaults.b, passphrase: PASSPHRASE, displayName: 'Bench B' });
    const card = path.join(folder, 'b.json');
    await b('bundle.writeCard', { targetPath: card });
    const partner = await a('addressBook.add', { path: card, verified: true });
    const cardA = path.join(folder, 'a.json');
    await a('bundle.writeCard', { targetPath: cardA });
    await b('addressBook.add', { path: cardA, verified: true });
    const identityFile = path.join(folder, 'b.agekey');
    await b('bundle.writeAgeIdentity', { targetPath: identityFile });
    const recipient = (await b('bundle.identity', {})).ageRecipient;
    const dossier = await a('dossier.create', { title: 'Benchmark', tlp: 'AMBER' });
    await a('attachment.import', { dossierId: dossier.id, sourcePath: source, tlp: 'AMBER' });
    await cores.a.dispose();
    await cores.b.dispose();

    const bundle = path.join(folder, 'bench.dkbundel');
    const exported = runChild('export', vaults.a, bundle, partner.id);
    const imported = runChild('import', vaults.b, bundle, partner.id);
    const plain = runChild('attachment', vaults.b, source, partner.id);
    const ageEncrypt = timeAge(['-r', recipient, '-o', path.join(folder, 'bijlage.age'), source]);
    const ageDecrypt = timeAge(['-d', '-i', identityFile, '-o', path.join(folder, 'bijlage.out'), path.join(folder, 'bijlage.age')]);
    const bundleBytes = fs.statSync(bundle).size;

    const rate = (seconds: number) => `${(sizeMb / seconds).toFixed(0)} MiB/s`;
    const rows: Array<[string, string]> = [
      ['Attachment', `${sizeMb} MiB (random bytes); bundle file ${(bundleBytes / 1024 / 1024).toFixed(1)} MiB`],
      ['Export (vault → tar → age → file)', `${exported.seconds.toFixed(1)} s, ${rate(exported.seconds)}, peak RSS ${exported.peakRssMb} MiB (${exported.rssBeforeMb} MiB after unlock)`],
      ['age -r (same bytes)', `${ageEncrypt.seconds.toFixed(1)} s, ${rate(ageEncrypt.seconds)}, peak RSS ${ageEncrypt.peakRssMb} MiB`],
      ['Export / age -r', `${(exported.seconds / ageEncrypt.seconds).toFixed(2)}×`],
      [
        'Inspect + import (file → age → tar → checks → vault)',
        `${imported.seconds.toFixed(1)} s, ${rate(imported.seconds)}, peak RSS ${imported.peakRssMb} MiB (${imported.rssBeforeMb} MiB after unlock)`,
      ],
      ['  of which inspect (decrypt, verify, no writes)', `${imported.inspectSeconds!.toFixed(1)} s, ${rate(imported.inspectSeconds!)}`],
      ['  of which import (decrypt, verify, write)', `${(imported.seconds - imported.inspectSeconds!).toFixed(1)} s, ${rate(imported.seconds - imported.inspectSeconds!)}`],
      ['age -d (same bytes)', `${ageDecrypt.seconds.toFixed(1)} s, ${rate(ageDecrypt.seconds)}, peak RSS ${ageDecrypt.peakRssMb} MiB`],
      ['Inspect / age -d', `${(imported.inspectSeconds! / ageDecrypt.seconds).toFixed(2)}×`],
      ['Inspect + import / age -d', `${(imported.seconds / ageDecrypt.seconds).toFixed(2)}× (the bundle is read twice: once to inspect, once to import)`],
      ['Reference: attachment.import of the same file', `${plain.seconds.toFixed(1)} s, ${rate(plain.seconds)}, peak RSS ${plain.peakRssMb} MiB (SQLCipher writing the bytes)`],
    ];
    const width = Math.max(...rows.map(([label]) => label.length));
    process.stdout.write(`\nBundles, ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, Node ${process.version}, ${execFileSync('age', ['--version'], { encoding: 'utf8' }).trim()}\n`);
    for (const [label, value] of rows) process.stdout.write(`${label.padEnd(width)}  ${value}\n`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [, , , step, vaultPath, bundlePath, partnerId] = process.argv;
  await child(step as Step, vaultPath!, bundlePath!, partnerId!);
} else {
  await main();
}
