import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactNode } from 'react';
import type { PagedRows } from './usePagedRows';

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS grid track: `8rem`, `minmax(12rem, 2fr)`. */
  width: string;
  render(row: T): ReactNode;
}

/** Where the user is in a table: kept by a screen's store so that coming back returns there. */
export interface TablePlace {
  scrollTop: number;
  /** The current row: the list's one Tab stop. */
  activeIndex: number;
}

export const TOP_OF_TABLE: TablePlace = { scrollTop: 0, activeIndex: 0 };

interface VirtualTableProps<T> {
  /** The accessible name of the table. */
  label: string;
  columns: readonly Column<T>[];
  rows: PagedRows<T>;
  /** The first column's content should hold the row's link or button; the arrow keys move between those. */
  rowKey(row: T): string | number;
  /** Text for a row whose page is still loading. */
  loadingText: string;
  rowHeight?: number;
  /**
   * Height of the scrolling area (any CSS length). The area is `contain: strict`, so its content
   * cannot size it: without this, the screen's style sheet must give `.app-vtable__scroll` a height.
   */
  height?: string;
  /** Where to start (back from a row that was opened); the top by default. */
  initialPlace?: TablePlace;
  /** Give the current row the focus once the rows are there (back from a row that was opened). */
  focusCurrentRow?: boolean;
  /** Told of every scroll and every change of the current row. */
  onPlaceChange?(place: TablePlace): void;
}

/** What can take the focus inside a row: the first of these is the row's Tab stop. */
const OVERSCAN = 10;

const ROW_CONTROLS = 'a[href], button, input, select, textarea';

/**
 * A table of any length: only the rows in view are in the DOM (TanStack Virtual), their pages are
 * fetched as they scroll into view, and aria-rowcount/aria-rowindex tell assistive technology the
 * real size.
 *
 * The keyboard follows the ARIA grid pattern with a roving tabindex: the whole table is one Tab
 * stop (the current row's link), and inside it Up/Down, PageUp/PageDown and Home/End move the
 * current row; Enter follows the link. The current row is always drawn, even scrolled out of
 * view, so the focus is never lost to the page when rows are recycled. A row whose page has not
 * arrived takes the focus itself, and hands it to its link when the row is filled.
 */
export function VirtualTable<T>({
  label,
  columns,
  rows,
  rowKey,
  loadingText,
  rowHeight = 44,
  height,
  initialPlace = TOP_OF_TABLE,
  focusCurrentRow = false,
  onPlaceChange,
}: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows.total ?? 0;
  const [activeIndex, setActiveIndex] = useState(initialPlace.activeIndex);
  // A list that starts over (another filter) starts at its first row.
  const [previousCount, setPreviousCount] = useState(count);
  if (count !== previousCount) {
    setPreviousCount(count);
    if (previousCount > 0 && count === 0) setActiveIndex(0);
  }
  const current = count === 0 ? 0 : Math.min(activeIndex, count - 1);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      // The current row stays in the DOM wherever the list is scrolled: it holds the Tab stop, and often the focus.
      if (range.count > 0 && !indexes.includes(current)) return [...indexes, current].sort((a, b) => a - b);
      return indexes;
    },
    [current],
  );
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: OVERSCAN,
    initialOffset: initialPlace.scrollTop,
    rangeExtractor,
  });
  const items = virtualizer.getVirtualItems();
  const template = columns.map((column) => column.width).join(' ');
  /** Set by a key that moved the current row: the focus follows it once the row is drawn. */
  const focusWanted = useRef(false);
  /** Back from a row: its focus returns once the row is drawn, unless the user has gone on elsewhere by then. */
  const focusOnArrival = useRef(focusCurrentRow);
  const restored = useRef(initialPlace.scrollTop === 0);
  const placeListener = useRef(onPlaceChange);
  useLayoutEffect(() => {
    placeListener.current = onPlaceChange;
  });

  // Only the pages of the rows in view (and the overscan) are asked for: not that of a current row kept in the DOM far away.
  const range = virtualizer.range;
  const firstSeen = Math.max(0, range?.startIndex ?? 0);
  const lastSeen = Math.min(count - 1, range?.endIndex ?? 0);
  useEffect(() => {
    if (count > 0) rows.ensureRange(firstSeen, lastSeen, OVERSCAN);
  });

  // Back from a row: the old scroll position, once the rows give the area its height.
  useLayoutEffect(() => {
    if (restored.current || count === 0 || !scrollRef.current) return;
    scrollRef.current.scrollTop = initialPlace.scrollTop;
    restored.current = true;
  }, [count, initialPlace.scrollTop]);

  useEffect(() => {
    placeListener.current?.({ scrollTop: scrollRef.current?.scrollTop ?? 0, activeIndex: current });
  }, [current]);

  // The roving tabindex, and the focus that follows the current row. Set on the DOM because the
  // row's link is drawn by the screen's column, which need not know about the table's Tab order.
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const currentRow = scroller.querySelector<HTMLElement>(`[data-row-index="${current}"]`);
    // Read before the tabindex changes: a loading row that had the focus loses it with its tabindex.
    const currentRowHadFocus = currentRow !== null && document.activeElement === currentRow;
    for (const rowElement of scroller.querySelectorAll<HTMLElement>('[data-row-index]')) {
      const isCurrent = rowElement === currentRow;
      const controls = rowElement.querySelectorAll<HTMLElement>(ROW_CONTROLS);
      controls.forEach((control, position) => setTabIndex(control, isCurrent && position === 0 ? 0 : -1));
      // A row without a control of its own (still loading) is its own Tab stop while it is current.
      if (isCurrent && controls.length === 0) setTabIndex(rowElement, 0);
      else rowElement.removeAttribute('tabindex');
    }
    if (!currentRow) return;
    const target = currentRow.querySelector<HTMLElement>(ROW_CONTROLS) ?? currentRow;
    if (focusOnArrival.current) {
      focusOnArrival.current = false;
      if (focusStillAtScreenStart()) focusWanted.current = true;
    }
    if (focusWanted.current || (currentRowHadFocus && target !== currentRow)) {
      focusWanted.current = false;
      target.focus({ preventScroll: true });
    }
  });

  function moveCurrentRow(event: KeyboardEvent<HTMLDivElement>) {
    if (event.altKey || event.metaKey) return;
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    const scroller = scrollRef.current;
    if (!rowElement || !scroller) return;
    const index = Number(rowElement.dataset.rowIndex);
    const pageRows = Math.max(1, Math.floor(scroller.clientHeight / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + pageRows, PageUp: index - pageRows, Home: 0, End: count - 1 };
    const wanted = moves[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(count - 1, wanted));
    if (next === index) return;
    focusWanted.current = true;
    setActiveIndex(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function followFocus(event: FocusEvent<HTMLDivElement>) {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!rowElement) return;
    const index = Number(rowElement.dataset.rowIndex);
    if (index !== current) setActiveIndex(index);
  }

  return (
    <div className="app-vtable" role="grid" aria-label={label} aria-rowcount={count + 1} aria-readonly="true">
      <div role="rowgroup">
        <div className="app-vtable__row app-vtable__row--header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <div key={column.key} role="columnheader" className="app-vtable__cell">
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="app-vtable__scroll"
        style={height ? { height } : undefined}
        onKeyDown={moveCurrentRow}
        onFocus={followFocus}
        onScroll={(event) => placeListener.current?.({ scrollTop: event.currentTarget.scrollTop, activeIndex: current })}
        role="rowgroup"
      >
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return (
              // Keyed by position, not by the row's own key: a loading row that has the focus keeps it when it is filled.
              <div
                key={item.index}
                data-row-key={row ? rowKey(row) : undefined}
                role="row"
                aria-rowindex={item.index + 2}
                data-row-index={item.index}
                className="app-vtable__row"
                style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  columns.map((column) => (
                    <div key={column.key} role="gridcell" className="app-vtable__cell">
                      {column.render(row)}
                    </div>
                  ))
                ) : (
                  <div role="gridcell" className="app-vtable__cell app-vtable__cell--loading">
                    {loadingText}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The focus is where a new screen puts it (its heading), or nowhere: nobody has moved it yet. */
function focusStillAtScreenStart(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || active.matches('h1[tabindex="-1"]');
}

function setTabIndex(element: HTMLElement, value: number) {
  if (element.getAttribute('tabindex') !== String(value)) element.tabIndex = value;
}
