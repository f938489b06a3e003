import { useEffect } from 'react';
import { create } from 'zustand';
import type { ApiError, LegalBasis, Organisation } from '../../../shared/api';
import { callCore } from '../core-client';
import { registerVaultDataStore } from './vault-data';

/**
 * The vault's organisations and legal bases, read once and shared by every provenance field and
 * line on screen (a dossier lists dozens of facts; each must not ask the core again). Settings
 * reloads it after a change.
 */
interface SharingListsState {
  organisations: Organisation[] | null;
  legalBases: LegalBasis[] | null;
  error: ApiError | null;
  /** Reads both lists unless they are already here (or on their way). */
  ensure(): void;
  reload(): Promise<void>;
}

let pending: Promise<void> | null = null;

export const useSharingLists = create<SharingListsState>((set, get) => ({
  organisations: null,
  legalBases: null,
  error: null,
  ensure: () => {
    if (pending || (get().organisations && get().legalBases)) return;
    void get().reload();
  },
  reload: () => {
    const request: Promise<void> = Promise.all([callCore('organisation.list', {}), callCore('legal-basis.list', {})]).then(([organisations, legalBases]) => {
      // A later reload (after a change in Settings) wins over an answer that was already on its way.
      if (pending !== request) return;
      pending = null;
      if (!organisations.ok) return set({ error: organisations.error });
      if (!legalBases.ok) return set({ error: legalBases.error });
      set({ organisations: organisations.value, legalBases: legalBases.value, error: null });
    });
    pending = request;
    return request;
  },
}));

/** Both lists, asked for once on first use. */
export function useSharingListsLoaded(): Pick<SharingListsState, 'organisations' | 'legalBases' | 'error'> {
  const organisations = useSharingLists((state) => state.organisations);
  const legalBases = useSharingLists((state) => state.legalBases);
  const error = useSharingLists((state) => state.error);
  const ensure = useSharingLists((state) => state.ensure);
  useEffect(() => ensure(), [ensure]);
  return { organisations, legalBases, error };
}

registerVaultDataStore(() => useSharingLists.setState({ organisations: null, legalBases: null, error: null }));
