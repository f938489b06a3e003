import path from 'node:path';
import { app } from 'electron';

// main.cjs is bundled to out/electron/, inside app.asar in packaged builds; everything else is
// found relative to it, so dev and packaged builds share one layout.
const outDir = path.resolve(__dirname, '..');

export const rendererRoot = path.join(outDir, 'renderer');
export const preloadPath = path.join(outDir, 'electron', 'preload.cjs');

/** The core's worker thread script; unpacked next to the asar in packaged builds (electron-builder.yml). */
export const coreWorkerPath = path.join(outDir, 'electron', 'core-worker.cjs').replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);

/** The background integrity check's worker script, unpacked like the core's. */
export const integrityWorkerPath = path.join(outDir, 'electron', 'integrity-worker.cjs').replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);

/** The bundle export's writer thread (age, the file's hash, the writes), unpacked like the core's. */
export const bundleWriterWorkerPath = path
  .join(outDir, 'electron', 'bundle-writer-worker.cjs')
  .replace(`${path.sep}app.asar${path.sep}`, `${path.sep}app.asar.unpacked${path.sep}`);

/**
 * better-sqlite3-multiple-ciphers built for Electron's ABI. node_modules keeps the Node build for
 * the tests; scripts/electron-native.mjs puts this one in out/native/electron, and
 * electron-builder ships it as an extra resource outside the asar.
 */
export function electronNativeBinding(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node') : path.join(outDir, 'native', 'electron', 'better_sqlite3.node');
}
