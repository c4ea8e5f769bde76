import { useQueries } from '@tanstack/react-query';
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type SortingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { ErrorMessage } from './ErrorMessage';
import { nextCount, type Count } from '../../../shared/api/pagedCount';

// A list of up to hundreds of thousands of rows: the server sorts, filters and pages; the browser keeps
// only the pages around the visible window and renders only the rows on screen (react-virtual). Rows
// are a roving tab stop: Tab reaches the list once, ↑/↓/PgUp/PgDn/Home/End move, Enter opens.

export const PAGE_SIZE = 100;

export interface PageRequest {
  offset: number;
  limit: number;
  sort: { id: string; desc: boolean } | null;
}

export interface PageResult<T> {
  rows: T[];
  total: number;
  /** At least `total` rows match (the server stopped counting); a deeper page reports more. */
  totalAtLeast?: true;
}

interface DataTableProps<T> {
  /** Accessible name of the table. */
  label: string;
  /** Identifies the data and its filters; a change starts again from the top. */
  queryKey: readonly unknown[];
  fetchPage: (req: PageRequest) => Promise<PageResult<T>>;
  columns: ColumnDef<T, unknown>[];
  /** CSS grid column widths, one per column (e.g. '2fr', '8rem'). */
  widths: string[];
  onOpen?: (row: T) => void;
  initialSort?: SortingState;
  rowClassName?: (row: T) => string;
  rowHeight?: number;
  className?: string;
}

export function DataTable<T>({ label, queryKey, fetchPage, columns, widths, onOpen, initialSort = [], rowClassName, rowHeight = 48, className }: DataTableProps<T>) {
  const { t } = useTranslation();
  const [sorting, setSorting] = useState<SortingState>(initialSort);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState<Count | null>(null);
  const total = count?.total ?? null;
  const sort = sorting[0] ? { id: sorting[0].id, desc: sorting[0].desc } : null;
  const baseKey = [...queryKey, 'sort', sort?.id ?? '', sort?.desc ?? false];

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const pages = useMemo(() => {
    if (items.length === 0) return [0];
    const first = Math.floor(items[0]!.index / PAGE_SIZE);
    const last = Math.floor(items[items.length - 1]!.index / PAGE_SIZE);
    const out: number[] = [];
    for (let p = first; p <= last; p++) out.push(p);
    return out;
  }, [items]);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: [...baseKey, 'page', page],
      queryFn: () => fetchPage({ offset: page * PAGE_SIZE, limit: PAGE_SIZE, sort }),
      staleTime: 30_000,
    })),
  });

  const queryKeyText = JSON.stringify(baseKey);
  const counted = nextCount(count, queryKeyText, results.map((r) => r.data));
  if (counted && (counted.key !== count?.key || counted.total !== count.total || counted.atLeast !== count.atLeast)) setCount(counted);
  useEffect(() => {
    // New filter or sort: start from the top.
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryKeyText]);

  const { data, indexOf } = useMemo(() => {
    const rows: T[] = [];
    const index = new Map<T, number>();
    results.forEach((r, i) => {
      r.data?.rows.forEach((row, j) => {
        rows.push(row);
        index.set(row, pages[i]! * PAGE_SIZE + j);
      });
    });
    return { data: rows, indexOf: index };
  }, [results.map((r) => r.dataUpdatedAt).join(','), pages.join(',')]);

  const table = useReactTable({
    data,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    manualSorting: true,
    enableMultiSort: false,
    sortDescFirst: false,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row) => String(indexOf.get(row) ?? -1),
  });
  const rowsById = table.getRowModel().rowsById;
  const error = results.find((r) => r.error)?.error;
  const loading = total === null && results.some((r) => r.isPending);
  const gridTemplateColumns = widths.join(' ');

  function focusRow(index: number) {
    const rows = total ?? 0;
    if (rows === 0) return;
    const next = Math.max(0, Math.min(rows - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>, index: number) {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1);
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + pageRows, PageUp: index - pageRows, Home: 0, End: (total ?? 1) - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      focusRow(target);
    } else if (e.key === 'Enter' && onOpen) {
      const row = rowsById[String(index)];
      if (row) onOpen(row.original);
    }
  }

  return (
    <div className={`data-table${className ? ` ${className}` : ''}`}>
      {error ? <ErrorMessage error={error instanceof ApiError ? error.info : { code: 'INTERNAL', message: '' }} /> : null}
      <p className="data-table__count muted small" aria-live="polite">
        {loading ? t('app.loading') : t(count?.atLeast ? 'table.countAtLeast' : 'table.count', { count: total ?? 0 })}
      </p>
      {/* aria-rowcount -1: the number of rows is not known yet (ARIA), when the count stopped early. */}
      <div ref={scrollRef} className="data-table__scroll" role="table" aria-label={label} aria-rowcount={count?.atLeast ? -1 : (total ?? 0) + 1}>
        <div role="rowgroup" className="data-table__head">
          {table.getHeaderGroups().map((group) => (
            <div role="row" aria-rowindex={1} key={group.id} className="data-table__row data-table__row--head" style={{ gridTemplateColumns }}>
              {group.headers.map((header) => {
                // Sorting is done by the server, so any column may sort unless it says otherwise (react-table
                // alone would only sort columns with an accessor).
                const id = header.column.id;
                const sorted = sorting[0]?.id === id ? (sorting[0].desc ? 'desc' : 'asc') : false;
                const canSort = header.column.columnDef.enableSorting !== false;
                const toggle = () => setSorting((s) => (s[0]?.id === id ? [{ id, desc: !s[0].desc }] : [{ id, desc: false }]));
                const text = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <div role="columnheader" key={header.id} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined} className="data-table__cell">
                    {canSort ? (
                      <button type="button" className="data-table__sort" onClick={toggle}>
                        {text}
                        <span aria-hidden="true" className="data-table__arrow">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      text
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
        <div role="rowgroup" className="data-table__body" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowsById[String(item.index)];
            return (
              <div
                role="row"
                key={item.key}
                data-index={item.index}
                aria-rowindex={item.index + 2}
                tabIndex={item.index === active ? 0 : -1}
                className={`data-table__row${onOpen ? ' data-table__row--link' : ''}${row && rowClassName ? ` ${rowClassName(row.original)}` : ''}`}
                style={{ gridTemplateColumns, transform: `translateY(${item.start}px)`, height: rowHeight }}
                onKeyDown={(e) => onKeyDown(e, item.index)}
                onFocus={() => setActive(item.index)}
                onClick={() => row && onOpen?.(row.original)}
              >
                {row ? (
                  row.getVisibleCells().map((cell) => (
                    <div role="cell" key={cell.id} className="data-table__cell">
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </div>
                  ))
                ) : (
                  <div role="cell" className="data-table__cell muted">
                    …
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {total === 0 && <p className="data-table__empty muted">{t('table.empty')}</p>}
      </div>
    </div>
  );
}
