import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError, Page, Result } from '../../../shared/api';

export const PAGE_SIZE = 100;

export interface PagedRows<T> {
  /** All rows that match, known after the first page; null before. */
  total: number | null;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt(index: number): T | undefined;
  /** Make sure the pages that hold rows `from`..`to` are loaded (the virtual list calls this while scrolling). */
  ensureRange(from: number, to: number): void;
  error: ApiError | null;
  /** Forget every page and ask again (after a change). */
  reload(): void;
}

/**
 * Rows of a long list fetched a page at a time, as the user scrolls to them. `filterKey` names
 * the filter and sort: when it changes, every page is dropped and the list starts again.
 */
export function usePagedRows<T>(fetchPage: (offset: number, limit: number) => Promise<Result<Page<T>>>, filterKey: string): PagedRows<T> {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, T[]>());
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  // Set at commit, not during render, yet before the effects that fetch: loadPage keeps its identity and fetches with the latest fetchPage.
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const loadPage = useCallback((pageIndex: number) => {
    if (requested.current.has(pageIndex)) return;
    requested.current.add(pageIndex);
    const ticket = generation.current;
    void fetchRef.current(pageIndex * PAGE_SIZE, PAGE_SIZE).then((result) => {
      if (ticket !== generation.current) return;
      if (!result.ok) {
        requested.current.delete(pageIndex);
        setError(result.error);
        return;
      }
      pages.current.set(pageIndex, result.value.items);
      setTotal(result.value.total);
      setError(null);
      setVersion((value) => value + 1);
    });
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    requested.current = new Set();
    setTotal(null);
    setError(null);
    loadPage(0);
  }, [loadPage]);

  useEffect(reset, [filterKey, reset]);

  return {
    total,
    error,
    rowAt: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensureRange: (from, to) => {
      for (let page = Math.floor(Math.max(0, from) / PAGE_SIZE); page <= Math.floor(Math.max(0, to) / PAGE_SIZE); page += 1) loadPage(page);
    },
    reload: reset,
  };
}
