/**
 * Part 5 of the benchmark suite: the browser host's cold start to the first dossier list, in Chromium. Each run
 * starts the built host as `npm run web` does (`node out/host/server.mjs`, the core in its worker
 * thread) with a fresh data folder that only remembers the vault, launches a fresh Chromium, opens
 * the vault from the recent list, unlocks it with its own KDF parameters and opens Dossiers until
 * the first row holds a dossier. The reference is the same path on the demo data set (12 dossiers) with
 * the same KDF parameters, so that the ratio shows what the vault's size adds.
 *
 * The operating system's file cache stays warm between runs: this is a warm-disk cold start.
 * Runnable alone: npx tsx test/bench/cold-start.ts <vault> (passphrase in BENCH_PASSPHRASE).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChromium } from '../../electron/core/documents/pdf';
import { readKeyFile } from '../../electron/core/vault/key-file';
import { Core } from '../../electron/core/api/core';
import { generateDemoData } from '../../electron/core/demo/demo-data';
import { formatMs, formatTable, percentiles, type BenchRow } from './table';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(REPO_ROOT, 'out/host/server.mjs');
const GROUP = '5 Browser cold start';

interface ColdStartStages {
  /** Host process started until it printed its address. */
  hostReady: number;
  /** Chromium launched and the unlock screen shown. */
  unlockScreen: number;
  /** Passphrase entered until the first screen after unlocking. */
  unlocked: number;
  /** From the click on Dossiers until the first row holds a dossier. */
  firstDossierRow: number;
  /** Everything, from starting the host. */
  total: number;
}

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [SERVER, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    lines.once('line', (line) => resolve(line.trim()));
    child.once('exit', (code) => reject(new Error(`the host stopped (${code}): ${errors}`)));
  });
  return { child, url };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** One cold start of host and browser, with the vault as the only entry of the recent list. */
async function coldStartOnce(vaultPath: string, passphrase: string, chromiumPath: string): Promise<ColdStartStages> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-coldstart-'));
  fs.writeFileSync(path.join(dataDir, 'recent-vaults.json'), JSON.stringify([{ path: vaultPath, lastOpenedAt: new Date().toISOString() }]));
  const vaultName = path.basename(vaultPath, '.kluis');
  const started = performance.now();
  const server = await startServer(dataDir);
  const hostReady = performance.now();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: `Kluis ${vaultName} openen` }).click();
    const passphraseField = page.getByLabel('Wachtwoord', { exact: true });
    await passphraseField.waitFor();
    const unlockScreen = performance.now();
    await passphraseField.fill(passphrase);
    await page.getByRole('button', { name: 'Ontgrendelen' }).click();
    const mainMenu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await mainMenu.waitFor({ timeout: 120_000 });
    const unlocked = performance.now();
    await mainMenu.getByRole('link', { name: 'Dossiers' }).click();
    const firstRow = page.getByRole('grid', { name: 'Dossiers' }).locator('[data-row-index="0"] [role="gridcell"]:not(.app-vtable__cell--loading)').first();
    await firstRow.waitFor({ timeout: 120_000 });
    const shown = performance.now();
    return {
      hostReady: hostReady - started,
      unlockScreen: unlockScreen - hostReady,
      unlocked: unlocked - unlockScreen,
      firstDossierRow: shown - unlocked,
      total: shown - started,
    };
  } finally {
    await browser.close();
    await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(vaultPath: string, passphrase: string, chromiumPath: string, runs: number): Promise<ColdStartStages[]> {
  await coldStartOnce(vaultPath, passphrase, chromiumPath); // warm-up: the file cache, Chromium's own files
  const results: ColdStartStages[] = [];
  for (let run = 0; run < runs; run++) results.push(await coldStartOnce(vaultPath, passphrase, chromiumPath));
  return results;
}

const stageFigure = (results: ColdStartStages[], stage: keyof ColdStartStages) => {
  const { median, p95 } = percentiles(results.map((result) => result[stage]));
  return `median ${formatMs(median)}, p95 ${formatMs(p95)}`;
};

/**
 * The rows for `npm run bench`: the whole cold start against the demo vault, and its stages.
 * Needs the built host (node scripts/build.mjs) and Chromium; without them it says so in a row.
 */
export async function coldStartBenchRows(options: { vaultPath: string; passphrase: string; runs?: number; label?: string }): Promise<BenchRow[]> {
  const chromiumPath = findChromium().path;
  if (!chromiumPath) return [{ group: GROUP, workload: 'Cold start', figure: 'not measured: no Chromium found' }];
  if (!fs.existsSync(SERVER)) return [{ group: GROUP, workload: 'Cold start', figure: 'not measured: run node scripts/build.mjs first' }];
  const runs = options.runs ?? 3;

  const referenceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-coldstart-demo-'));
  const demoVault = path.join(referenceDir, 'Demo.kluis');
  try {
    // The demo data set (12 dossiers) with the same KDF parameters as the large vault, so that the
    // ratio is about size, not about Argon2id.
    const { kdf } = readKeyFile(options.vaultPath);
    const core = new Core({ userDataDir: referenceDir, host: 'browser', appVersion: 'bench', vault: { kdf: { memoryKiB: kdf.memoryKiB, fixedIterations: kdf.iterations } } });
    await core.call('vault.create', { path: demoVault, passphrase: options.passphrase, displayName: 'Bench' });
    await generateDemoData(core);
    await core.callUntrusted('vault.lock', {});
    const large = await measure(options.vaultPath, options.passphrase, chromiumPath, runs);
    const demo = await measure(demoVault, options.passphrase, chromiumPath, runs);
    const totalRatio = percentiles(large.map((result) => result.total)).median / percentiles(demo.map((result) => result.total)).median;
    const label = options.label ?? 'large vault';
    return [
      {
        group: GROUP,
        workload: `Host start to first dossier row, ${label} (${runs} runs)`,
        figure: stageFigure(large, 'total'),
        reference: `${stageFigure(demo, 'total')} (demo vault)`,
        ratio: totalRatio,
      },
      { group: GROUP, workload: '  of which: host process ready', figure: stageFigure(large, 'hostReady'), reference: stageFigure(demo, 'hostReady') },
      { group: GROUP, workload: '  of which: Chromium to the unlock screen', figure: stageFigure(large, 'unlockScreen'), reference: stageFigure(demo, 'unlockScreen') },
      {
        group: GROUP,
        workload: '  of which: unlock (KDF, open, checks) to the first screen',
        figure: stageFigure(large, 'unlocked'),
        reference: stageFigure(demo, 'unlocked'),
      },
      { group: GROUP, workload: '  of which: Dossiers to the first row', figure: stageFigure(large, 'firstDossierRow'), reference: stageFigure(demo, 'firstDossierRow') },
    ];
  } finally {
    fs.rmSync(referenceDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const vaultPath = process.argv[2];
  const passphrase = process.env.BENCH_PASSPHRASE;
  if (!vaultPath || !passphrase) {
    console.error('Usage: BENCH_PASSPHRASE=<wachtwoord> npx tsx test/bench/cold-start.ts <kluis>');
    process.exit(2);
  }
  const rows = await coldStartBenchRows({ vaultPath: path.resolve(vaultPath), passphrase });
  console.log(formatTable(rows));
}
