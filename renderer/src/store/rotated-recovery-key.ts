import { create } from 'zustand';
import { registerVaultDataStore } from './vault-data';

interface RotatedRecoveryKeyState {
  /**
   * The recovery key issued by the last key rotation, until the user has proved to have kept it.
   * Held here rather than in the settings card, so that leaving the settings screen before the
   * confirmation does not lose the only copy on screen.
   */
  recoveryKey: string | null;
  issued(recoveryKey: string): void;
  confirmed(): void;
}

export const useRotatedRecoveryKey = create<RotatedRecoveryKeyState>((set) => ({
  recoveryKey: null,
  issued: (recoveryKey) => set({ recoveryKey }),
  confirmed: () => set({ recoveryKey: null }),
}));

// A recovery key opens the vault: a lock must not leave it behind.
registerVaultDataStore(() => useRotatedRecoveryKey.setState({ recoveryKey: null }));
