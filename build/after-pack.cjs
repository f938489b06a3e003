// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// The fuses are compiled-in switches that command-line flags and environment variables cannot undo.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');
const { Arch } = require('electron-builder');

/** @param {import('electron-builder').AfterPackContext} context */
module.exports = async function afterPack(context) {
  const executable = executablePath(context);
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  console.log(`  • flipping Electron fuses  file=${executable}`);
  await flipFuses(executable, {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature Apple Silicon requires; re-sign ad hoc.
    resetAdHocDarwinSignature: isMac && context.arch === Arch.arm64,
    // ELECTRON_RUN_AS_NODE would turn the app into a plain Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // --inspect and friends would let anyone attach a debugger to the main process (and the keys).
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // The UI is served from app://, so file:// needs none of its extra privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};

/** The Electron binary electron-builder produced, named as it names it per platform. */
function executablePath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      // Linux binaries are named by executableName (lower case by default), not productFilename.
      return path.join(appOutDir, packager.executableName ?? productFilename);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}
