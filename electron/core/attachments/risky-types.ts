import path from 'node:path';

/**
 * Extensions that make "open with the program the system associates" mean "run it": programs,
 * installers, scripts, shortcuts and other files the operating system executes or follows. An
 * attachment is material from outside (a partner's e-mail, a citizen's report), so it is never
 * started this way; it can still be saved with "Opslaan als…" and examined deliberately. The list
 * follows what mail clients and Chromium's download protection treat as dangerous, for Windows,
 * macOS and Linux desktops alike (a copy made on one is opened on that one, but vaults travel).
 */
const RISKY_EXTENSIONS: ReadonlySet<string> = new Set([
  // Windows programs, installers and libraries
  'exe',
  'com',
  'scr',
  'pif',
  'cpl',
  'msi',
  'msp',
  'mst',
  'msc',
  'dll',
  'sys',
  'drv',
  'ocx',
  'appx',
  'appxbundle',
  'msix',
  'msixbundle',
  // Windows scripts and script hosts
  'bat',
  'cmd',
  'ps1',
  'ps1xml',
  'ps2',
  'psc1',
  'psd1',
  'psm1',
  'vb',
  'vbe',
  'vbs',
  'js',
  'jse',
  'ws',
  'wsc',
  'wsf',
  'wsh',
  'hta',
  'mjs',
  'cjs',
  // Windows shortcuts and settings that follow or change something
  'lnk',
  'url',
  'scf',
  'inf',
  'reg',
  'application',
  'appref-ms',
  'gadget',
  'library-ms',
  'search-ms',
  'settingcontent-ms',
  'website',
  'chm',
  'xbap',
  'diagcab',
  'xll',
  // Disk images and archives that Windows and macOS mount or expand and then show as trusted
  'iso',
  'img',
  'vhd',
  'vhdx',
  'dmg',
  // macOS
  'app',
  'command',
  'tool',
  'workflow',
  'action',
  'terminal',
  'pkg',
  'mpkg',
  'scpt',
  'scptd',
  'osax',
  'dylib',
  'kext',
  'prefpane',
  'fileloc',
  'inetloc',
  'webloc',
  // Linux desktops and Unix shells
  'desktop',
  'sh',
  'bash',
  'zsh',
  'csh',
  'ksh',
  'run',
  'bin',
  'appimage',
  'deb',
  'rpm',
  'snap',
  'flatpakref',
  'so',
  // Interpreted languages commonly associated with their interpreter
  'jar',
  'jnlp',
  'py',
  'pyc',
  'pyw',
  'pl',
  'rb',
  'php',
]);

/**
 * True when opening a file of this name with its associated program could run code. A name
 * without an extension is risky too: on Linux and macOS the system decides by content, and an
 * executable or script without an extension is exactly what that would start. Trailing dots and
 * spaces are ignored, as Windows ignores them.
 */
export function isRiskyToOpen(fileName: string): boolean {
  const trimmed = fileName.replace(/[.\s]+$/, '');
  const extension = path.extname(trimmed).slice(1).toLowerCase();
  if (extension === '') return true;
  return RISKY_EXTENSIONS.has(extension);
}
