#!/usr/bin/env node
// Builds every part of the app into out/: the Electron main and preload scripts, the browser host,
// the kluis command line (esbuild) and the renderer (Vite).
// Usage: node scripts/build.mjs [--only main,preload,host,cli,renderer]
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const onlyFlag = process.argv.indexOf('--only');
const only = onlyFlag > 0 ? new Set(process.argv[onlyFlag + 1].split(',')) : null;
const wanted = (part) => !only || only.has(part);

// Native and Electron modules stay outside the bundles: they are loaded at run time.
const external = ['electron', 'better-sqlite3-multiple-ciphers'];

const nodeTargets = [
  { part: 'main', entry: 'electron/main/main.ts', outfile: 'out/electron/main.cjs', format: 'cjs' },
  // A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
  { part: 'preload', entry: 'electron/preload/preload.ts', outfile: 'out/electron/preload.cjs', format: 'cjs' },
  // The core runs in a worker thread beside the Electron main process and beside the browser host.
  // The Electron one is self-contained (its SQLite JS bundled in; the .node is passed by path),
  // because it is unpacked from the asar: worker threads cannot load scripts from inside one.
  { part: 'main', entry: 'electron/core/worker/core-worker.ts', outfile: 'out/electron/core-worker.cjs', format: 'cjs', external: [] },
  { part: 'host', entry: 'electron/host/server.ts', outfile: 'out/host/server.mjs', format: 'esm' },
  { part: 'host', entry: 'electron/core/worker/core-worker.ts', outfile: 'out/host/core-worker.mjs', format: 'esm' },
  // The background integrity check after unlock: a worker of its own, started by the core, beside it.
  { part: 'main', entry: 'electron/core/worker/integrity-worker.ts', outfile: 'out/electron/integrity-worker.cjs', format: 'cjs', external: [] },
  { part: 'host', entry: 'electron/core/worker/integrity-worker.ts', outfile: 'out/host/integrity-worker.mjs', format: 'esm' },
  // The bundle export's writer (age, the file's hash, the writes) beside the core's vault reads.
  { part: 'main', entry: 'electron/core/worker/bundle-writer-worker.ts', outfile: 'out/electron/bundle-writer-worker.cjs', format: 'cjs', external: [] },
  { part: 'host', entry: 'electron/core/worker/bundle-writer-worker.ts', outfile: 'out/host/bundle-writer-worker.mjs', format: 'esm' },
  { part: 'cli', entry: 'electron/core/cli/kluis.ts', outfile: 'out/cli/kluis.mjs', format: 'esm' },
];

for (const target of nodeTargets.filter((t) => wanted(t.part))) {
  await esbuild({
    entryPoints: [path.join(root, target.entry)],
    outfile: path.join(root, target.outfile),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: target.format,
    external: target.external ?? external,
    sourcemap: 'linked',
    logLevel: 'warning',
    // ESM bundles that contain CommonJS dependencies need a real require.
    banner: target.format === 'esm' ? { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" } : undefined,
  });
}

if (wanted('renderer')) {
  await viteBuild({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}
