import { create } from 'zustand';
import { registerVaultDataStore } from './vault-data';

/** The sections in the navigation bar, in their order there. */
export type Section = 'signals' | 'dossiers' | 'meetings' | 'reports' | 'bundles' | 'audit' | 'trash' | 'settings';
export const SECTIONS: Section[] = ['signals', 'dossiers', 'meetings', 'reports', 'bundles', 'audit', 'trash', 'settings'];

/** The parts of "Uitwisselen" (encrypted bundles between vaults), in the order of its own menu. */
export const BUNDLE_VIEWS = ['export', 'import', 'partners', 'identity'] as const;
export type BundleView = (typeof BUNDLE_VIEWS)[number];

export const DOSSIER_TABS = ['overview', 'timeline', 'subjects', 'network', 'notes', 'measures', 'attachments', 'documents', 'disclosures'] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number];

/**
 * Where the user is inside the unlocked vault. Every route names its section, so the navigation
 * bar knows what to mark as current; the rest says which screen of the section.
 */
export const REPORT_VIEWS = ['year', 'dashboard', 'retention', 'access'] as const;
export type ReportView = (typeof REPORT_VIEWS)[number];

export type ActionsFilter = 'open' | 'overdue';

export type Route =
  | { section: 'signals'; view?: 'list' }
  | { section: 'signals'; view: 'intake' }
  | { section: 'signals'; view: 'signal'; signalId: number }
  | { section: 'dossiers'; view?: 'list' }
  | { section: 'dossiers'; view: 'dossier'; dossierId: number; tab?: DossierTab }
  | { section: 'dossiers'; view: 'subject'; subjectId: number; fromDossierId?: number }
  | { section: 'search'; query: string }
  /** `actions`: arrive at the follow-up overview (open actions), `overdue` showing only those past their date. */
  | { section: 'meetings'; view?: 'list'; actions?: ActionsFilter }
  | { section: 'meetings'; view: 'meeting'; meetingId: number }
  | { section: 'reports'; view?: ReportView }
  | { section: 'bundles'; view?: BundleView }
  | { section: 'audit' }
  | { section: 'trash' }
  | { section: 'settings' };

export type Screen =
  | { name: 'starting' }
  | { name: 'no-access' }
  | { name: 'welcome' }
  | { name: 'create' }
  | { name: 'recovery-key'; recoveryKey: string }
  | { name: 'unlock'; vaultPath: string }
  | { name: 'main'; route: Route };

interface NavigationState {
  screen: Screen;
  go(screen: Screen): void;
  showSection(section: Section): void;
  /** Opens a screen inside the vault; the previous one is kept for "Terug". */
  open(route: Route): void;
  /** Shows another state of the same screen (a dossier's tab) without adding a step to "Terug". */
  replace(route: Route): void;
  /** Back to the previous screen inside the vault, or to the section's list when there is none. */
  back(): void;
  history: Route[];
}

const MAX_HISTORY = 50;

export const useNavigation = create<NavigationState>((set, get) => ({
  screen: { name: 'starting' },
  history: [],
  go: (screen) => set({ screen, history: [] }),
  showSection: (section) => set({ screen: { name: 'main', route: { section } as Route }, history: [] }),
  open: (route) => {
    const { screen, history } = get();
    const previous = screen.name === 'main' ? [...history, screen.route].slice(-MAX_HISTORY) : [];
    set({ screen: { name: 'main', route }, history: previous });
  },
  replace: (route) => {
    if (get().screen.name !== 'main') return;
    set({ screen: { name: 'main', route } });
  },
  back: () => {
    const { screen, history } = get();
    if (screen.name !== 'main') return;
    const previous = history.at(-1);
    set({
      screen: { name: 'main', route: previous ?? ({ section: screen.route.section === 'search' ? 'signals' : screen.route.section } as Route) },
      history: history.slice(0, -1),
    });
  },
}));

/** The section the navigation bar marks for a route (search belongs to none). */
export function sectionOf(route: Route): Section | null {
  return route.section === 'search' ? null : route.section;
}

// The recovery key on screen is vault data too, and so are the ids in the history: a lock must not leave them behind.
registerVaultDataStore(() => {
  const { screen } = useNavigation.getState();
  if (screen.name === 'recovery-key' || screen.name === 'main') useNavigation.setState({ screen: { name: 'welcome' }, history: [] });
});
