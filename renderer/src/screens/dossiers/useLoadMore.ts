import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError, Page, Result } from '../../../../shared/api';

export interface LoadMore<T> {
  items: T[];
  /** All that match; null before the first page. */
  total: number | null;
  loading: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore(): void;
  /** Start again from the first page (after a change). */
  reload(): void;
}

/**
 * A list read a page at a time, with a "Meer laden" button rather than endless scrolling: a
 * journal or a timeline is read from the top, and a button is easy to reach by keyboard. `key`
 * names the query; when it changes the list starts again. Answers to an older query are dropped.
 */
export function useLoadMore<T>(fetchPage: (offset: number, limit: number) => Promise<Result<Page<T>>>, key: string, pageSize: number): LoadMore<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  // Set at commit, not during render, yet before the effects that fetch: load keeps its identity and fetches with the latest fetchPage.
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback(
    (offset: number) => {
      const ticket = generation.current;
      setLoading(true);
      void fetchRef.current(offset, pageSize).then((result) => {
        if (ticket !== generation.current) return;
        setLoading(false);
        if (!result.ok) {
          setError(result.error);
          return;
        }
        setError(null);
        setTotal(result.value.total);
        setItems((current) => (offset === 0 ? result.value.items : [...current.slice(0, offset), ...result.value.items]));
      });
    },
    [pageSize],
  );

  const reload = useCallback(() => {
    generation.current += 1;
    load(0);
  }, [load]);

  useEffect(reload, [key, reload]);

  return {
    items,
    total,
    loading,
    error,
    hasMore: total !== null && items.length < total,
    loadMore: () => {
      if (!loading) load(items.length);
    },
    reload,
  };
}
