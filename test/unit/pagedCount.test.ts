import { describe, expect, it } from 'vitest';
import { nextCount } from '../../shared/api/pagedCount';

// The virtual list's row count when the server stops counting early ("1,000 or more", clients:list).

describe('nextCount', () => {
  it('takes an exact total as it comes, even when it shrinks', () => {
    const first = nextCount(null, 'k', [{ total: 120 }]);
    expect(first).toEqual({ key: 'k', total: 120, atLeast: false });
    expect(nextCount(first, 'k', [{ total: 119 }])).toEqual({ key: 'k', total: 119, atLeast: false });
  });

  it('lets a count that stopped early only grow while the filters stay, and start again when they change', () => {
    const top = nextCount(null, 'k', [{ total: 1000, totalAtLeast: true }]);
    expect(top).toEqual({ key: 'k', total: 1000, atLeast: true });
    const deeper = nextCount(top, 'k', [{ total: 1000, totalAtLeast: true }, { total: 1900, totalAtLeast: true }]);
    expect(deeper).toEqual({ key: 'k', total: 1900, atLeast: true });
    // Scrolled back to the top: the first page's smaller count does not shrink the list.
    expect(nextCount(deeper, 'k', [{ total: 1000, totalAtLeast: true }])).toEqual({ key: 'k', total: 1900, atLeast: true });
    // The end reached: the exact count replaces it.
    expect(nextCount(deeper, 'k', [{ total: 2345 }])).toEqual({ key: 'k', total: 2345, atLeast: false });
    // Other filters: nothing carried over.
    expect(nextCount(deeper, 'other', [{ total: 1000, totalAtLeast: true }])).toEqual({ key: 'other', total: 1000, atLeast: true });
    expect(nextCount(deeper, 'other', [undefined])).toBeNull();
  });
});
