/**
 * Every store that holds anything read from an unlocked vault registers its reset here, so that
 * locking (by the user, by the idle timer, by the OS) wipes it all in one place.
 */
const resets = new Set<() => void>();

export function registerVaultDataStore(reset: () => void): void {
  resets.add(reset);
}

export function clearVaultData(): void {
  for (const reset of resets) reset();
}
