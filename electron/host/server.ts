import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import packageJson from '../../package.json';
import { parseServerOptions } from './cli-options';
import { startHost } from './host';

// Bundled to out/host/server.mjs; the renderer build sits beside it in out/renderer.
const hostDir = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.resolve(hostDir, '../renderer');
const coreWorkerScript = path.join(hostDir, 'core-worker.mjs');
// The core starts this one after each unlock for the background integrity check.
const integrityWorkerScript = path.join(hostDir, 'integrity-worker.mjs');
// A bundle export writes through this one (age, the file's hash, the writes) beside the vault reads.
const bundleWriterScript = path.join(hostDir, 'bundle-writer-worker.mjs');

async function main(): Promise<void> {
  const options = parseServerOptions(process.argv.slice(2), process.env);
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    console.error(`The renderer is not built (${rendererDir}). Run: node scripts/build.mjs`);
    process.exit(1);
  }
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const host = await startHost({
    ...options,
    vault: { ...options.vault, integrityWorker: { script: integrityWorkerScript } },
    bundles: { ...options.bundles, writerWorker: { script: bundleWriterScript } },
    rendererDir,
    appVersion: packageJson.version,
    coreWorker: { script: coreWorkerScript },
  });

  console.error(`Dossierkluis browser host, data in ${options.dataDir}. Open this address (Ctrl+C locks the vault and stops):`);
  // The URL alone on its own line, so that scripts can pick it up.
  console.log(host.url);

  const shutdown = (signal: NodeJS.Signals) => {
    console.error(`${signal}: locking the vault and stopping.`);
    void host.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error((error as Error)?.message ?? error);
  process.exit(1);
});
