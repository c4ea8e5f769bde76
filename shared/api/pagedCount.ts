// timestamps, money in diram (integers; shared/domain/money.ts converts).

export interface Paged<T> {
  rows: T[];
  /** How many rows match the filters, for the scroll bar of a virtual list. */
  total: number;
  /**
   * Set when counting stopped early (a filter that tests every row, on a large database): at least
   * `total` rows match. A deeper page counts further, so the list grows as it is scrolled.
   */
  totalAtLeast?: true;
}

// The row count of a virtual list (renderer DataTable) from the pages it has loaded, when a list may
// stop counting early (Paged.totalAtLeast). Pure, so it is tested without a browser.

type PageCount = Pick<Paged<unknown>, 'total' | 'totalAtLeast'>;

export interface Count {
  key: string;
  total: number;
  atLeast: boolean;
}

/**
 * The row count for the scroll bar. An exact total is taken as it comes; a count that stopped early only
 * grows (the deepest page loaded so far counted furthest), so scrolling back up does not shrink the list.
 */
export function nextCount(prev: Count | null, key: string, pages: Array<PageCount | undefined>): Count | null {
  const loaded = pages.filter((p): p is PageCount => p !== undefined);
  const exact = loaded.find((p) => !p.totalAtLeast);
  if (exact) return { key, total: exact.total, atLeast: false };
  const same = prev?.key === key ? prev : null;
  if (loaded.length === 0) return same;
  const total = Math.max(same?.atLeast ? same.total : 0, ...loaded.map((p) => p.total));
  return { key, total, atLeast: true };
}
