#!/usr/bin/env node
// `npm run dist [-- electron-builder flags]`: build, compile the native module for Electron's ABI,
// and package with electron-builder.yml (installers in release/). Packages for the machine's own
// platform and architecture, because the native module is compiled here.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureElectronNativeModule, root, runBuild, runMain, ShellError } from './electron-native.mjs';

await runMain(() => {
  runBuild();
  ensureElectronNativeModule();
  const cli = path.join(root, 'node_modules', 'electron-builder', 'cli.js');
  const args = [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)];
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new ShellError('electron-builder is mislukt; zie de meldingen hierboven. / electron-builder failed; see above.');
  return 0;
});
