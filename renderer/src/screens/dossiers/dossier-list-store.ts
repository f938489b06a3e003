import { create } from 'zustand';
import type { DOSSIER_SORTS, Input } from '../../../../shared/api';
import type { DossierStatus, Priority, TlpCode } from '../../../../shared/domain/enums';
import { TOP_OF_TABLE, type TablePlace } from '../../components/VirtualTable';
import { registerVaultDataStore } from '../../store/vault-data';

export type DossierSort = (typeof DOSSIER_SORTS)[number];

/** The dossier list's filter and sort as the form holds them: empty text or null means "any". */
export interface DossierListFilter {
  statuses: DossierStatus[];
  phenomenonId: number | null;
  priority: Priority | null;
  owner: string;
  tlp: TlpCode | null;
  openedFrom: string;
  openedUntil: string;
  sort: DossierSort;
  direction: 'asc' | 'desc';
}

export const DEFAULT_DOSSIER_FILTER: DossierListFilter = {
  statuses: [],
  phenomenonId: null,
  priority: null,
  owner: '',
  tlp: null,
  openedFrom: '',
  openedUntil: '',
  sort: 'number',
  direction: 'desc',
};

/** Said once on the list after something happened elsewhere (a dossier went to the trash). */
export type DossierListNotice = { kind: 'trashed'; number: string; title: string };

interface DossierListState {
  filter: DossierListFilter;
  notice: DossierListNotice | null;
  /** Where the table was (scrolled to, current row), so that back from a dossier returns to the same place. */
  place: TablePlace;
  /** Set when a row is opened: back on the list, that row has the focus again. */
  returnToRow: boolean;
  setFilter(changes: Partial<DossierListFilter>): void;
  resetFilter(): void;
  setNotice(notice: DossierListNotice | null): void;
}

/**
 * The list's filter and place live outside the screen so that it is still there after opening a dossier
 * and coming back. An owner's name is vault data: locking resets it all.
 */
export const useDossierListStore = create<DossierListState>((set) => ({
  filter: DEFAULT_DOSSIER_FILTER,
  notice: null,
  place: TOP_OF_TABLE,
  returnToRow: false,
  setFilter: (changes) => set((state) => ({ filter: { ...state.filter, ...changes }, place: TOP_OF_TABLE })),
  resetFilter: () => set({ filter: DEFAULT_DOSSIER_FILTER, place: TOP_OF_TABLE }),
  setNotice: (notice) => set({ notice }),
}));

registerVaultDataStore(() => useDossierListStore.setState({ filter: DEFAULT_DOSSIER_FILTER, notice: null, place: TOP_OF_TABLE, returnToRow: false }));

/** The filter as dossier.list input (without paging). */
export function dossierListInput(filter: DossierListFilter): Omit<Input<'dossier.list'>, 'limit' | 'offset'> {
  const owner = filter.owner.trim();
  return {
    statuses: filter.statuses.length > 0 ? filter.statuses : undefined,
    phenomenonId: filter.phenomenonId ?? undefined,
    priority: filter.priority ?? undefined,
    owner: owner === '' ? undefined : owner,
    tlp: filter.tlp ?? undefined,
    openedFrom: filter.openedFrom || undefined,
    openedUntil: filter.openedUntil || undefined,
    sort: filter.sort,
    direction: filter.direction,
  };
}

/** How many filters narrow the list (sort does not count). */
export function activeFilterCount(filter: DossierListFilter): number {
  return [
    filter.statuses.length > 0,
    filter.phenomenonId !== null,
    filter.priority !== null,
    filter.owner.trim() !== '',
    filter.tlp !== null,
    filter.openedFrom !== '',
    filter.openedUntil !== '',
  ].filter(Boolean).length;
}
