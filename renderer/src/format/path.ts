/** Path helpers for display only: the core resolves and checks every real path. */
const SEPARATOR = /[\\/]/;

export function fileNameOf(filePath: string): string {
  const parts = filePath.split(SEPARATOR);
  return parts[parts.length - 1] ?? filePath;
}

/** `<folder of the vault>/<name>`, keeping the vault's own separator: a starting point the user changes or browses from. */
export function besideVault(vaultPath: string | null, name: string): string {
  if (!vaultPath) return name;
  return `${vaultPath.slice(0, vaultPath.length - fileNameOf(vaultPath).length)}${name}`;
}

export function vaultNameOfPath(filePath: string): string {
  return fileNameOf(filePath).replace(/\.kluis$/i, '');
}

/** `<folder>/<name>-<suffix>-<date>.kluis` beside the vault, keeping the vault's own separator. */
