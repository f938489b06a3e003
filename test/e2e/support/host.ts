import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FAST_BUNDLES, FAST_KDF } from '../../../electron/host/cli-options';
import { generateDemoData } from '../../../electron/core/demo/demo-data';
import { startHost, type RunningHost } from '../../../electron/host/host';
import type { HandlerName, Input, Output } from '../../../shared/api';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const RENDERER_DIR = path.join(REPO_ROOT, 'out/renderer');

export interface TestHost {
  host: RunningHost;
  dataDir: string;
  stop(): Promise<void>;
}

/** The real browser host in this process, on a free port, with a temporary data folder and a fast KDF. */
export async function startTestHost(options: { autoLockSeconds?: number } = {}): Promise<TestHost> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}). Run: node scripts/build.mjs --only renderer`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kluis-e2e-'));
  // The core in a worker thread, as `npm run web` runs it (the worker's TypeScript loaded by tsx).
  const coreWorker = { script: path.join(REPO_ROOT, 'test/support/typescript-worker.mjs'), argv: [path.join(REPO_ROOT, 'electron/core/worker/core-worker.ts')] };
  // The background integrity check after unlock, as the app runs it (its TypeScript loaded by tsx too).
  const integrityWorker = { script: path.join(REPO_ROOT, 'test/support/typescript-worker.mjs'), argv: [path.join(REPO_ROOT, 'electron/core/worker/integrity-worker.ts')] };
  const bundleWriter = { script: path.join(REPO_ROOT, 'test/support/typescript-worker.mjs'), argv: [path.join(REPO_ROOT, 'electron/core/worker/bundle-writer-worker.ts')] };
  const host = await startHost({
    port: 0,
    dataDir,
    rendererDir: RENDERER_DIR,
    vault: { ...FAST_KDF, integrityWorker },
    bundles: { ...FAST_BUNDLES, writerWorker: bundleWriter },
    autoLockSeconds: options.autoLockSeconds,
    coreWorker,
  });
  return {
    host,
    dataDir,
    stop: async () => {
      await host.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A core call straight to the host's core (the worker the UI's calls reach too), as a test's
 * independent witness of what the UI did: the typed value, or the CoreError with the handler's code.
 */
export function callCore<K extends HandlerName>(testHost: TestHost, name: K, input: Input<K>): Promise<Output<K>> {
  return testHost.host.core.call(name, input);
}

/** callCore bound to a host that is set later (in beforeAll): `host` is read at call time. */
export function coreCaller(host: () => TestHost) {
  return <K extends HandlerName>(name: K, input: Input<K>): Promise<Output<K>> => callCore(host(), name, input);
}

/**
 * A host of its own with one locked vault (Werkbestand.kluis, owner "J. de Vries") already made
 * through the core, for flows that start at the unlock screen.
 */
export async function startHostWithLockedVault(passphrase: string, options: { autoLockSeconds?: number } = {}): Promise<TestHost> {
  const testHost = await startTestHost(options);
  const vaultPath = path.join(testHost.dataDir, 'Werkbestand.kluis');
  await callCore(testHost, 'vault.create', { path: vaultPath, passphrase, displayName: 'J. de Vries' });
  await callCore(testHost, 'vault.lock', {});
  return testHost;
}

/**
 * Like startHostWithLockedVault, but the vault holds the demo data set (electron/core/demo): about
 * 40 signals, 12 dossiers, subjects shared between dossiers, notes and attachments.
 */
export async function startHostWithDemoVault(passphrase: string): Promise<TestHost> {
  const testHost = await startTestHost();
  const vaultPath = path.join(testHost.dataDir, 'Werkbestand.kluis');
  await callCore(testHost, 'vault.create', { path: vaultPath, passphrase, displayName: 'J. de Vries' });
  await generateDemoData(testHost.host.core);
  await callCore(testHost, 'vault.lock', {});
  return testHost;
}
