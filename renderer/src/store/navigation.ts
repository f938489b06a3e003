import { create } from 'zustand';
import { registerVaultDataStore } from './vault-data';

export type Section = 'signals' | 'dossiers' | 'meetings' | 'reports' | 'settings';
export const SECTIONS: Section[] = ['signals', 'dossiers', 'meetings', 'reports', 'settings'];

export type Screen =
  | { name: 'starting' }
  | { name: 'no-access' }
  | { name: 'welcome' }
  | { name: 'create' }
  | { name: 'recovery-key'; recoveryKey: string }
  | { name: 'unlock'; vaultPath: string }
  | { name: 'main'; section: Section };

interface NavigationState {
  screen: Screen;
  go(screen: Screen): void;
  showSection(section: Section): void;
}

export const useNavigation = create<NavigationState>((set) => ({
  screen: { name: 'starting' },
  go: (screen) => set({ screen }),
  showSection: (section) => set({ screen: { name: 'main', section } }),
}));

// The recovery key on screen is vault data too: a lock must not leave it behind.
registerVaultDataStore(() => {
  const { screen } = useNavigation.getState();
  if (screen.name === 'recovery-key' || screen.name === 'main') useNavigation.setState({ screen: { name: 'welcome' } });
});
