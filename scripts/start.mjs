#!/usr/bin/env node
// `npm start`: build, make sure Electron and its native module are there, then run the app.
import { spawn } from 'node:child_process';
import { ensureElectronBinary, ensureElectronNativeModule, root, runBuild, runMain } from './electron-native.mjs';

await runMain(async () => {
  runBuild();
  const electronPath = ensureElectronBinary();
  ensureElectronNativeModule();
  return launch(electronPath);
});

function launch(electronPath) {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    // Would make the binary behave as plain Node instead of the app.
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => () => child.kill(signal);
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, forward(signal));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
