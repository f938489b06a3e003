import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError, Page, Result } from '../../../shared/api';

export const PAGE_SIZE = 100;

export interface PagedRows<T> {
  /** All rows that match, known after the first page; null before. */
  total: number | null;
  /** The row at `index`, or undefined while its page is on its way. */
  rowAt(index: number): T | undefined;
  /**
   * Make sure the pages that hold rows `from`..`to` are loaded, and then those of `margin` rows
   * either side (the virtual list calls this while scrolling, with the rows in view).
   */
  ensureRange(from: number, to: number, margin?: number): void;
  error: ApiError | null;
  /** Forget every page and ask again (after a change). */
  reload(): void;
}

/** Page requests on their way at once. One: the core answers in turn, so a second would only wait behind the first. */
const MAX_IN_FLIGHT = 1;

/**
 * Rows of a long list fetched a page at a time, as the user scrolls to them. `filterKey` names
 * the filter and sort: when it changes, every page is dropped and the list starts again.
 *
 * A fast scroll (a scrollbar dragged to the bottom) passes dozens of pages. They are not all asked
 * for: a page is sent only when the one before has been answered, and only if it is still in
 * view then, so the rows the user stopped at are the next ones answered.
 */
export function usePagedRows<T>(fetchPage: (offset: number, limit: number) => Promise<Result<Page<T>>>, filterKey: string): PagedRows<T> {
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, T[]>());
  /** Pages sent and not yet answered, or refused (not asked again until the list starts again). */
  const requested = useRef(new Set<number>());
  const inFlight = useRef(0);
  /** The pages in view as the table last said, first those of the rows seen, then those of the margin. */
  const wanted = useRef<number[]>([0]);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  // Set at commit, not during render, yet before the effects that fetch: sendNext keeps its identity and fetches with the latest fetchPage.
  useLayoutEffect(() => {
    fetchRef.current = fetchPage;
  });

  const sendNext = useCallback(function sendNextPage() {
    while (inFlight.current < MAX_IN_FLIGHT) {
      const pageIndex = wanted.current.find((page) => !pages.current.has(page) && !requested.current.has(page));
      if (pageIndex === undefined) return;
      requested.current.add(pageIndex);
      inFlight.current += 1;
      const ticket = generation.current;
      void fetchRef.current(pageIndex * PAGE_SIZE, PAGE_SIZE).then((result) => {
        if (ticket !== generation.current) return;
        inFlight.current -= 1;
        if (!result.ok) {
          setError(result.error);
        } else {
          requested.current.delete(pageIndex);
          pages.current.set(pageIndex, result.value.items);
          setTotal(result.value.total);
          setError(null);
          setVersion((value) => value + 1);
        }
        sendNextPage();
      });
    }
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    pages.current = new Map();
    requested.current = new Set();
    inFlight.current = 0;
    wanted.current = [0];
    setTotal(null);
    setError(null);
    sendNext();
  }, [sendNext]);

  useEffect(reset, [filterKey, reset]);

  return {
    total,
    error,
    rowAt: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensureRange: (from, to, margin = 0) => {
      const pageOf = (index: number) => Math.floor(Math.max(0, index) / PAGE_SIZE);
      const seen = pagesBetween(pageOf(from), pageOf(to));
      // A page that only holds rows of the margin waits until the rows seen are there: after a
      // drag to the middle of a page boundary, the rows on screen come first.
      const around = pagesBetween(pageOf(from - margin), pageOf(to + margin)).filter((page) => !seen.includes(page) && (total === null || page * PAGE_SIZE < total));
      wanted.current = [...seen, ...around];
      sendNext();
    },
    reload: reset,
  };
}

function pagesBetween(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}
