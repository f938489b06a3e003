#!/usr/bin/env node
// `npm start`: build, make sure Electron and its native module are there, then run the app. Where
// Electron cannot be had (no network to GitHub, no compiler for the native module), the same app
// starts in the browser instead (the host of `npm run web`), so that the README's first command
// always brings it up.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ShellError, ensureElectronBinary, ensureElectronNativeModule, root, runBuild, runMain } from './electron-native.mjs';

await runMain(async () => {
  runBuild();
  let electronPath;
  try {
    electronPath = ensureElectronBinary();
    ensureElectronNativeModule();
  } catch (error) {
    if (!(error instanceof ShellError)) throw error;
    console.error(`\n${error.message}\n`);
    console.error('Dossierkluis start daarom in de webbrowser. / Starting Dossierkluis in the web browser instead.\n');
    return startBrowserHost();
  }
  return launch(electronPath);
});

function launch(electronPath) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    // Would make the binary behave as plain Node instead of the app.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
    forwardSignals(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** out/host/server.mjs, as `npm run web` runs it; its address (first line on stdout) opened in the system's browser. */
function startBrowserHost() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'out', 'host', 'server.mjs')], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
    forwardSignals(child);
    let pending = '';
    let opened = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk;
      const address = pending.match(/^http:\/\/\S+$/m)?.[0];
      if (address && !opened) {
        opened = true;
        openInBrowser(address);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * xdg-open, open or start, as the system has it. BROWSER=none (the convention of other dev
 * servers) or a missing opener only prints the address, for the user to open by hand.
 */
function openInBrowser(address) {
  let said = false;
  const say = () => {
    if (said) return;
    said = true;
    console.error(
      `\nOpen dit adres in uw webbrowser / open this address in your web browser:\n${address}\n(Ctrl+C vergrendelt de kluis en stopt / locks the vault and stops)`,
    );
  };
  if (process.env.BROWSER === 'none') return say();
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [address]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', address.replaceAll('&', '^&')]]
        : ['xdg-open', [address]];
  // cmd's start takes the empty title "" literally, so its arguments go as written.
  const opener = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
  opener.on('error', say);
  opener.on('exit', (code) => {
    if (code === 0) console.error(`\nGeopend in de webbrowser / opened in the web browser: ${address}`);
    else say();
  });
  opener.unref();
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
