import { create } from 'zustand';
import type { Input } from '../../../../shared/api';
import type { HowReceived, TlpCode } from '../../../../shared/domain/enums';
import { TOP_OF_TABLE, type TablePlace } from '../../components/VirtualTable';
import { registerVaultDataStore } from '../../store/vault-data';

export type InDossierFilter = 'all' | 'yes' | 'no';
export type SignalSort = 'receivedOn_desc' | 'receivedOn_asc' | 'createdAt_desc' | 'createdAt_asc';
export const SIGNAL_SORT_OPTIONS: readonly SignalSort[] = ['receivedOn_desc', 'receivedOn_asc', 'createdAt_desc', 'createdAt_asc'];

export interface SignalListFilters {
  phenomenonId: number | null;
  howReceived: HowReceived | null;
  tlp: TlpCode | null;
  inDossier: InDossierFilter;
  /** ISO dates, or null for no bound. */
  receivedFrom: string | null;
  receivedUntil: string | null;
  /** The four digits of a postcode area, as the dashboard counts areas; null for any. */
  postcodeArea: string | null;
  sort: SignalSort;
}

export const NO_FILTERS: SignalListFilters = {
  phenomenonId: null,
  howReceived: null,
  tlp: null,
  inDossier: 'all',
  receivedFrom: null,
  receivedUntil: null,
  postcodeArea: null,
  sort: 'receivedOn_desc',
};

interface SignalListState {
  filters: SignalListFilters;
  /** A message for the list when the user arrives there (after moving a signal to the trash). */
  notice: string | null;
  /** Where the table was (scrolled to, current row), so that coming back from a signal returns to the same place. */
  place: TablePlace;
  /** Set when a row is opened: back on the list, that row has the focus again. */
  returnToRow: boolean;
  setFilters(changes: Partial<SignalListFilters>): void;
  clearFilters(): void;
  setNotice(notice: string | null): void;
}

/**
 * The list's filters and sort, kept while the user opens a signal and comes back. They name
 * phenomena of this vault, so a lock forgets them.
 */
export const useSignalList = create<SignalListState>((set) => ({
  filters: NO_FILTERS,
  notice: null,
  place: TOP_OF_TABLE,
  returnToRow: false,
  setFilters: (changes) => set((state) => ({ filters: { ...state.filters, ...changes }, place: TOP_OF_TABLE })),
  clearFilters: () => set((state) => ({ filters: { ...NO_FILTERS, sort: state.filters.sort }, place: TOP_OF_TABLE })),
  setNotice: (notice) => set({ notice }),
}));

registerVaultDataStore(() => useSignalList.setState({ filters: NO_FILTERS, notice: null, place: TOP_OF_TABLE, returnToRow: false }));

export function hasActiveFilters(filters: SignalListFilters): boolean {
  return (
    filters.phenomenonId !== null ||
    filters.howReceived !== null ||
    filters.tlp !== null ||
    filters.inDossier !== 'all' ||
    filters.receivedFrom !== null ||
    filters.receivedUntil !== null ||
    filters.postcodeArea !== null
  );
}

/** The signal.list input for the filters, without paging. */
export function signalListInput(filters: SignalListFilters): Omit<Input<'signal.list'>, 'offset' | 'limit'> {
  const [sort, direction] = filters.sort.split('_') as ['receivedOn' | 'createdAt', 'asc' | 'desc'];
  return {
    ...(filters.phenomenonId !== null && { phenomenonId: filters.phenomenonId }),
    ...(filters.howReceived !== null && { howReceived: filters.howReceived }),
    ...(filters.tlp !== null && { tlp: filters.tlp }),
    ...(filters.inDossier !== 'all' && { inDossier: filters.inDossier === 'yes' }),
    ...(filters.receivedFrom !== null && { receivedFrom: filters.receivedFrom }),
    ...(filters.receivedUntil !== null && { receivedUntil: filters.receivedUntil }),
    ...(filters.postcodeArea !== null && { postcodeArea: filters.postcodeArea }),
    sort,
    direction,
  };
}
