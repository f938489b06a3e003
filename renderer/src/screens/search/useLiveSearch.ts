import { useEffect } from 'react';
import { useNavigation } from '../../store/navigation';

/** The pause after the last key before a typed query is searched. */
export const LIVE_SEARCH_DELAY_MS = 200;

/**
 * At least this many letters or digits before a query is searched as it is typed: a single
 * letter matches most of the vault and narrows nothing. Enter searches any query.
 */
export const LIVE_SEARCH_MIN_CHARACTERS = 2;

/** True when the query holds something the core can look for (a letter or a digit). */
export const hasWords = (query: string): boolean => /[\p{L}\p{N}]/u.test(query);

const isWorthSearching = (query: string) => (query.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= LIVE_SEARCH_MIN_CHARACTERS;

/**
 * Shows the results of `typed` once the user pauses (showResults). The results screen ignores
 * the answer to a query that has been typed over.
 */
export function useLiveSearch(typed: string): void {
  useEffect(() => {
    if (!isWorthSearching(typed.trim())) return;
    const timer = window.setTimeout(() => showResults(typed), LIVE_SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);
}

/**
 * Shows the results of `typed`: opens the results screen, or, when it is open, shows the new
 * query there without adding a step to "Terug". Nothing happens for a query without content.
 */
export function showResults(typed: string): void {
  const query = typed.trim();
  if (!query) return;
  const { screen, open, replace } = useNavigation.getState();
  const shown = screen.name === 'main' && screen.route.section === 'search' ? screen.route.query : null;
  if (shown === query) return;
  if (shown !== null) replace({ section: 'search', query });
  else open({ section: 'search', query });
}
