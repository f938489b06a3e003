/**
 * npm run bench: the benchmark suite as one table. Each row is a measured workload with
 * its figure, the reference measured in the same run, the ratio and whether it meets its target.
 * A slow figure never fails the run: it is printed as a miss. The table and the machine it ran on
 * are printed and written to test-results/benchmarks.md.
 *
 *   BENCH_SIZE=large|small   size of the generated municipality (default large)
 *   BENCH_RUNS               measured calls per query and side (default 30)
 *   BENCH_SEED               seed of the generator (default 2026)
 *   BENCH_DATA_DIR           keep the generated databases there and reuse them
 *   BENCH_GROUPS             comma-separated subset of: queries, bundles, cold-start (default all)
 *   BUNDLE_BENCH_MB          attachment size for the bundle group (default 1024)
 *
 * The cold start needs the built host: `npm run bench` builds first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { bundleBenchRows } from './bundles';
import { coldStartBenchRows } from './cold-start';
import { BENCH_PASSPHRASE } from './generate';
import { benchDatabasePaths, queryBenchRows, queryOptionsFromEnvironment } from './queries';
import { formatTable, type BenchRow } from './table';

interface Group {
  key: string;
  title: string;
  rows: () => Promise<BenchRow[]>;
}

/**
 * The generated vault is shared: the queries group makes it (or reuses it from BENCH_DATA_DIR), and
 * the cold start opens the same file in the browser host.
 */
const queryOptions = queryOptionsFromEnvironment();
const keepData = queryOptions.dataDir !== undefined;
const dataDir = queryOptions.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-bench-'));

const GROUPS: readonly Group[] = [
  { key: 'queries', title: '1 Queries and 4 Unlock', rows: () => queryBenchRows({ ...queryOptions, dataDir }) },
  { key: 'bundles', title: '2 Bundles and 3 Responsiveness', rows: () => bundleBenchRows() },
  {
    key: 'cold-start',
    title: '5 Browser cold start',
    rows: async () => {
      const { vaultPath } = benchDatabasePaths(queryOptions, dataDir);
      if (!fs.existsSync(vaultPath)) return [{ group: '5 Browser cold start', workload: '(all)', figure: 'not measured: the generated vault is made by the queries group' }];
      return coldStartBenchRows({ vaultPath, passphrase: BENCH_PASSPHRASE, label: `${queryOptions.sizeName} vault` });
    },
  },
];

/** The machine, so that a figure can be read against where it was measured. */
export function machineDescription(): string[] {
  const memory = new Database(':memory:');
  try {
    const sqlite = memory.prepare('SELECT sqlite_version()').pluck().get() as string;
    const cipher = memory.prepare('SELECT sqlite3mc_version()').pluck().get() as string;
    const cpus = os.cpus();
    return [
      `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')})`,
      `RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
      `OS: ${os.type()} ${os.release()} (${os.arch()})`,
      `Node ${process.version}; SQLite ${sqlite}; ${cipher} (cipher sqlcipher, legacy=4)`,
    ];
  } finally {
    memory.close();
  }
}

async function main(): Promise<void> {
  const started = new Date();
  const wanted = process.env.BENCH_GROUPS?.split(',').map((key) => key.trim());
  const rows: BenchRow[] = [];
  for (const group of GROUPS) {
    if (wanted && !wanted.includes(group.key)) continue;
    console.error(`Running ${group.title}…`);
    try {
      rows.push(...(await group.rows()));
    } catch (error) {
      // One group's failure is reported, and the others still run.
      console.error(error);
      rows.push({ group: group.title, workload: '(all)', figure: `failed: ${(error as Error).message.split('\n')[0]}` });
    }
  }
  const seconds = (Date.now() - started.getTime()) / 1000;
  const size = process.env.BENCH_SIZE === 'small' ? 'small' : 'large';
  const text = [
    `# Dossierkluis benchmarks`,
    '',
    `Run of ${started.toISOString()} (${seconds.toFixed(0)} s), size ${size}, seed ${process.env.BENCH_SEED ?? 2026}.`,
    '',
    ...machineDescription().map((line) => `- ${line}`),
    '',
    formatTable(rows),
    '',
  ].join('\n');
  console.log(`\n${text}`);
  const target = path.join('test-results', 'benchmarks.md');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  console.log(`Written to ${target}`);
  if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
