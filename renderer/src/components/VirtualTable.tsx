import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { PagedRows } from './usePagedRows';

export interface Column<T> {
  key: string;
  header: string;
  /** A CSS grid track: `8rem`, `minmax(12rem, 2fr)`. */
  width: string;
  render(row: T): ReactNode;
}

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
}

/**
 * A table of any length: only the rows in view are in the DOM (TanStack Virtual), their pages are
 * fetched as they scroll into view, and aria-rowcount/aria-rowindex tell assistive technology the
 * real size. Up and down arrows move the focus from row to row, Home and End to the ends.
 */
export function VirtualTable<T>({ label, columns, rows, rowKey, loadingText, rowHeight = 44, height }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = rows.total ?? 0;
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  const template = columns.map((column) => column.width).join(' ');
  const pendingFocus = useRef<number | null>(null);

  useEffect(() => {
    if (count > 0) rows.ensureRange(first, last);
  });

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const target = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${pendingFocus.current}"] a, [data-row-index="${pendingFocus.current}"] button`);
    if (target) {
      target.focus();
      pendingFocus.current = null;
    }
  });

  function moveFocus(event: KeyboardEvent<HTMLDivElement>) {
    const rowElement = (event.target as HTMLElement).closest<HTMLElement>('[data-row-index]');
    if (!rowElement) return;
    const index = Number(rowElement.dataset.rowIndex);
    const next = event.key === 'ArrowDown' ? index + 1 : event.key === 'ArrowUp' ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? count - 1 : null;
    if (next === null || next < 0 || next >= count) return;
    event.preventDefault();
    pendingFocus.current = next;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    const target = scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${next}"] a, [data-row-index="${next}"] button`);
    if (target) {
      target.focus();
      pendingFocus.current = null;
    }
  }

  return (
    <div className="app-vtable" role="table" aria-label={label} aria-rowcount={count + 1}>
      <div role="rowgroup">
        <div className="app-vtable__row app-vtable__row--header" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
          {columns.map((column) => (
            <div key={column.key} role="columnheader" className="app-vtable__cell">
              {column.header}
            </div>
          ))}
        </div>
      </div>
      <div ref={scrollRef} className="app-vtable__scroll" style={height ? { height } : undefined} onKeyDown={moveFocus} role="rowgroup">
        <div role="presentation" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rows.rowAt(item.index);
            return (
              <div
                key={row ? rowKey(row) : `loading-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                data-row-index={item.index}
                className="app-vtable__row"
                style={{ gridTemplateColumns: template, position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  columns.map((column) => (
                    <div key={column.key} role="cell" className="app-vtable__cell">
                      {column.render(row)}
                    </div>
                  ))
                ) : (
                  <div role="cell" className="app-vtable__cell app-vtable__cell--loading">
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
