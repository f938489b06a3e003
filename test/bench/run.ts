/**
 * npm run bench: the benchmark suite of issue 8 as one table. Each row is a measured workload with
 * its figure, the reference measured in the same run, the ratio and whether it meets its target.
 * A slow figure never fails the run: it is printed as a miss. The table and the machine it ran on
 * are printed and written to test-results/benchmarks.md.
 *
 *   BENCH_SIZE=large|small   size of the generated municipality (default large)
 *   BENCH_RUNS               measured calls per query and side (default 30)
 *   BENCH_SEED               seed of the generator (default 2026)
 *   BENCH_DATA_DIR           keep the generated databases there and reuse them
 *   BENCH_GROUPS             comma-separated subset of: queries, bundles, cold-start (default all)
 *
 * The groups of the bundle throughput (test/bench/bundles.ts, bundleBenchRows) and of the browser
 * cold start (test/bench/cold-start.ts, coldStartBenchRows) are loaded when they exist; a group
 * whose module or export is missing is listed as "not measured".
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { queryBenchRows, queryOptionsFromEnvironment } from './queries';
import { formatTable, type BenchRow } from './table';

type RowSource = () => Promise<BenchRow[]>;

interface Group {
  key: string;
  title: string;
  load: () => Promise<RowSource | undefined>;
}

/**
 * A module of another part of the suite, tolerated when it (or its export) does not exist yet.
 * The source is read before it is imported: an older bundles.ts runs its whole benchmark at import
 * time, so a module that does not name the export is not imported at all.
 */
async function optionalExport(moduleName: string, exportName: string): Promise<RowSource | undefined> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = ['.ts', '.mts', '.js', '.mjs'].map((extension) => path.join(here, moduleName + extension)).find((candidate) => fs.existsSync(candidate));
  if (!file) return undefined;
  if (!new RegExp(`export\\s+(async\\s+)?(function|const|let)\\s+${exportName}\\b`).test(fs.readFileSync(file, 'utf8'))) return undefined;
  const loaded = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const exported = loaded[exportName];
  return typeof exported === 'function' ? (exported as RowSource) : undefined;
}

const GROUPS: readonly Group[] = [
  { key: 'queries', title: '1 Queries and 4 Unlock', load: async () => () => queryBenchRows(queryOptionsFromEnvironment()) },
  { key: 'bundles', title: '2 Bundles and 3 Responsiveness', load: () => optionalExport('bundles', 'bundleBenchRows') },
  { key: 'cold-start', title: '5 Browser cold start', load: () => optionalExport('cold-start', 'coldStartBenchRows') },
];

/** The machine, so that a figure can be read against where it was measured. */
export function machineDescription(): string[] {
  const memory = new Database(':memory:');
  try {
    const sqlite = memory.prepare('SELECT sqlite_version()').pluck().get() as string;
    const cipher = memory.prepare('SELECT sqlite3mc_version()').pluck().get() as string;
    const cpus = os.cpus();
    return [
      `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')})`,
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
    const source = await group.load();
    if (!source) {
      rows.push({ group: group.title, workload: '(all)', figure: 'not measured' });
      continue;
    }
    console.error(`Running ${group.title}…`);
    try {
      rows.push(...(await source()));
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
}

await main();
