// Shared by scripts/start.mjs and scripts/dist.mjs: the build, the Electron binary, and
// better-sqlite3-multiple-ciphers compiled for Electron's ABI.
//
// node_modules/better-sqlite3-multiple-ciphers/build keeps the Node build that the tests and the
// browser host need. The Electron build is made in a copy of the module's sources under
// .cache/electron-native/<electron version>/ and lands in out/native/electron/better_sqlite3.node,
// so `npm start` and `npm test` never undo each other.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const require = createRequire(import.meta.url);
const MODULE_NAME = 'better-sqlite3-multiple-ciphers';
const MODULE_DIR = path.join(root, 'node_modules', MODULE_NAME);
const ELECTRON_DIR = path.join(root, 'node_modules', 'electron');
export const NATIVE_OUT_DIR = path.join(root, 'out', 'native', 'electron');
export const NATIVE_OUT_FILE = path.join(NATIVE_OUT_DIR, 'better_sqlite3.node');

/** A failure we explain ourselves: the message is printed as is, without a stack trace. */
export class ShellError extends Error {}

/** Runs an async main, prints a ShellError's Dutch message, and exits non-zero on any failure. */
export async function runMain(main) {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    console.error(error instanceof ShellError ? `\n${error.message}` : error);
    process.exitCode = 1;
  }
}

export function electronVersion() {
  return readJson(path.join(ELECTRON_DIR, 'package.json')).version;
}

/** `node scripts/build.mjs`: main, preload, host, cli and renderer into out/. */
export function runBuild() {
  console.log('Bouwen / building (scripts/build.mjs) ...');
  const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new ShellError('Het bouwen is mislukt; zie de meldingen hierboven. / The build failed; see above.');
}

/**
 * The Electron executable. Electron 45 downloads its binary on first use, when its package is
 * required from Node; that needs the network (or a mirror or cache, see the message below).
 */
export function ensureElectronBinary() {
  const distDir = path.join(ELECTRON_DIR, 'dist');
  const pathFile = path.join(ELECTRON_DIR, 'path.txt');
  const hadDist = fs.existsSync(distDir);
  const hadPathFile = fs.existsSync(pathFile);
  const present = isElectronBinaryPresent();
  if (!present && process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    throw new ShellError(
      `Electron ${electronVersion()} staat niet klaar en ELECTRON_SKIP_BINARY_DOWNLOAD verbiedt het downloaden.\n` +
        `Electron ${electronVersion()} is not there and ELECTRON_SKIP_BINARY_DOWNLOAD forbids downloading it.`,
    );
  }
  if (!present) {
    console.log(
      `De eerste start downloadt Electron ${electronVersion()} (eenmalig, ongeveer 100 MB).\n` +
        `The first start downloads Electron ${electronVersion()} (once, about 100 MB).`,
    );
  }
  try {
    const electronPath = require('electron');
    // With ELECTRON_OVERRIDE_DIST_PATH the package names a path without looking whether it is there.
    if (!fs.existsSync(electronPath)) throw new Error(`${electronPath} is missing`);
    return electronPath;
  } catch {
    // Leave node_modules as it was: no half-extracted binary for the next attempt to trip over.
    if (!hadDist) fs.rmSync(distDir, { recursive: true, force: true });
    if (!hadPathFile) fs.rmSync(pathFile, { force: true });
    throw new ShellError(
      [
        `Electron ${electronVersion()} kon niet worden gedownload, dus de app kan niet starten.`,
        'Controleer de internetverbinding (of de proxy) en probeer het opnieuw met "npm start".',
        'Zonder directe toegang tot GitHub: zet ELECTRON_MIRROR op een interne spiegel, of leg',
        `electron-v${electronVersion()}-${process.platform}-${process.arch}.zip in de cache (electron_config_cache).`,
        'De tests ("npm test") en de browserversie ("npm run web") hebben Electron niet nodig.',
        '',
        `Electron ${electronVersion()} could not be downloaded, so the desktop app cannot start. Check the`,
        'network or proxy and retry, or set ELECTRON_MIRROR. "npm test" and "npm run web" work without it.',
      ].join('\n'),
    );
  }
}

function isElectronBinaryPresent() {
  try {
    const relative = fs.readFileSync(path.join(ELECTRON_DIR, 'path.txt'), 'utf8');
    return fs.existsSync(path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(ELECTRON_DIR, 'dist'), relative));
  } catch {
    return false;
  }
}

/**
 * out/native/electron/better_sqlite3.node for this Electron version and architecture. Skipped when
 * the stamp says it is already there; rebuilt from the cached copy's build when only out/ was lost.
 */
export function ensureElectronNativeModule({ version = electronVersion(), arch = process.arch } = {}) {
  const wanted = { electron: version, arch, platform: process.platform, module: readJson(path.join(MODULE_DIR, 'package.json')).version };
  const outStamp = path.join(NATIVE_OUT_DIR, 'stamp.json');
  if (fs.existsSync(NATIVE_OUT_FILE) && stampMatches(outStamp, wanted)) {
    console.log(`${MODULE_NAME} voor Electron ${version} is al gebouwd / already built.`);
    return NATIVE_OUT_FILE;
  }

  const workDir = path.join(root, '.cache', 'electron-native', version);
  const builtFile = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
  const workStamp = path.join(workDir, 'stamp.json');
  if (!(fs.existsSync(builtFile) && stampMatches(workStamp, wanted))) {
    compileForElectron(workDir, wanted);
    if (!fs.existsSync(builtFile)) throw new ShellError(`node-gyp meldde succes, maar ${builtFile} ontbreekt.`);
    fs.writeFileSync(workStamp, JSON.stringify(wanted, null, 2));
  }

  // Copy, then rename: a crash halfway never leaves a truncated module that looks finished.
  fs.mkdirSync(NATIVE_OUT_DIR, { recursive: true });
  fs.rmSync(outStamp, { force: true });
  const partial = `${NATIVE_OUT_FILE}.partial`;
  fs.copyFileSync(builtFile, partial);
  fs.renameSync(partial, NATIVE_OUT_FILE);
  fs.writeFileSync(outStamp, JSON.stringify(wanted, null, 2));
  console.log(`${MODULE_NAME} voor Electron ${version} staat klaar / ready: ${path.relative(root, NATIVE_OUT_FILE)}`);
  return NATIVE_OUT_FILE;
}

function compileForElectron(workDir, wanted) {
  console.log(`${MODULE_NAME} bouwen voor Electron ${wanted.electron} (${wanted.arch}); de eerste keer duurt dit enkele minuten ...`);
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) {
    fs.cpSync(path.join(MODULE_DIR, entry), path.join(workDir, entry), { recursive: true });
  }

  const args = [
    'rebuild',
    '--release',
    `--target=${wanted.electron}`,
    `--arch=${wanted.arch}`,
    '--dist-url=https://electronjs.org/headers',
    '--runtime=electron',
    // Electron's headers next to the build, not in ~/.cache/node-gyp beside Node's own.
    `--devdir=${path.join(root, '.cache', 'electron-gyp')}`,
  ];
  const nodeGyp = findNodeGyp();
  const result = spawnSync(nodeGyp.command, [...nodeGyp.args, ...args], {
    cwd: workDir,
    stdio: 'inherit',
    env: nodeGypEnv(),
    shell: nodeGyp.shell,
  });
  if (result.status !== 0) {
    throw new ShellError(
      [
        `${MODULE_NAME} kon niet voor Electron ${wanted.electron} worden gebouwd (node-gyp: ${result.error?.message ?? `exit ${result.status}`}).`,
        'Nodig: internet voor de Electron-headers (electronjs.org), Python 3 en een C++-compiler',
        '(Linux: build-essential; Windows: Visual Studio Build Tools; macOS: Xcode Command Line Tools).',
        `node_modules is niet aangeraakt; de bouwmap is ${path.relative(root, workDir)}.`,
        '',
        `Could not build ${MODULE_NAME} for Electron (see above). node_modules was not touched.`,
      ].join('\n'),
    );
  }
}

/** The project's node-gyp, else one npx finds without installing, else the one bundled with npm. */
function findNodeGyp() {
  const local = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  if (fs.existsSync(path.join(root, 'node_modules', '.bin', 'node-gyp')) && fs.existsSync(local)) {
    return { command: process.execPath, args: [local], shell: false };
  }
  const isWindows = process.platform === 'win32';
  const npx = spawnSync(isWindows ? 'npx.cmd' : 'npx', ['--no-install', 'node-gyp', '--version'], { stdio: 'ignore', shell: isWindows });
  if (npx.status === 0) return { command: isWindows ? 'npx.cmd' : 'npx', args: ['--no-install', 'node-gyp'], shell: isWindows };
  const nodeDir = path.dirname(process.execPath);
  for (const candidate of [
    path.join(nodeDir, '../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'),
    path.join(nodeDir, 'node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'), // Windows layout
  ]) {
    if (fs.existsSync(candidate)) return { command: process.execPath, args: [candidate], shell: false };
  }
  throw new ShellError('node-gyp is niet gevonden (niet in node_modules, niet via npx, niet bij npm). Installeer Node.js met npm opnieuw.');
}

/**
 * node-gyp lets npm_config_* variables override its command line, so a stray `target`, `arch`,
 * `disturl` or `nodedir` from an .npmrc would silently build for Node instead. Proxy settings stay.
 */
function nodeGypEnv() {
  const conflicting = new Set(['target', 'arch', 'runtime', 'dist-url', 'disturl', 'nodedir', 'devdir']);
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    const name = key.replace(/^npm_config_|^npm_package_config_node_gyp_/i, '');
    if (name !== key && conflicting.has(name.replaceAll('_', '-').toLowerCase())) delete env[key];
  }
  return env;
}

function stampMatches(file, wanted) {
  try {
    const stamp = readJson(file);
    return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
  } catch {
    return false;
  }
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
