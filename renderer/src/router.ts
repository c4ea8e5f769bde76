import { useEffect, useState } from 'react';
import { sectionFromHash, type SectionId } from './sections';

// A hash router for sub-pages: #/section/part/part…?name=value (e.g. #/clients/ID, #/mobileSessions/ID/desk,
// #/cases?status=active&overdue=1). Hash addresses keep working from file:// in Electron and need no
// server routes in browser mode. The query after `?` holds a list's filters, so a filtered list can be
// bookmarked, and another screen (the dashboard, a report) can link to it.

export interface Route {
  section: SectionId;
  /** Path parts after the section, already URI-decoded. */
  parts: string[];
  /** The address's query (a list's filters). */
  query: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  return { section: sectionFromHash(hash), parts: parts.slice(1), query: new URLSearchParams(search) };
}

export function href(section: SectionId, ...parts: string[]): string {
  return `#/${[section, ...parts.map(encodeURIComponent)].join('/')}`;
}

/** An address with a query; empty values are left out, so an unfiltered list has a plain address. */
export function hrefWith(base: string, params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

export function navigate(section: SectionId, ...parts: string[]): void {
  window.location.hash = href(section, ...parts);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

/**
 * A list's filters kept in the address's query. Changing one replaces the address (no new history
 * entry per keystroke), so Back leaves the list rather than undoing a filter.
 */
export function useQueryParams<K extends string>(names: readonly K[]): [Record<K, string>, (patch: Partial<Record<K, string>>) => void] {
  const { query } = useRoute();
  const values = Object.fromEntries(names.map((n) => [n, query.get(n) ?? ''])) as Record<K, string>;
  const set = (patch: Partial<Record<K, string>>) => {
    const current = parseRoute(window.location.hash);
    const next = new URLSearchParams(current.query);
    for (const [name, value] of Object.entries(patch) as Array<[string, string | undefined]>) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    const base = window.location.hash.split('?')[0] || '#/';
    const search = next.toString();
    window.location.replace(search ? `${base}?${search}` : base);
  };
  return [values, set];
}

/** The history entry's remembered scroll position (kept in history.state, so it travels with Back). */
interface ScrollState {
  page?: string;
  scrollY?: number;
}

function keepScroll(page: string, scrollY: number): void {
  const state = (window.history.state as ScrollState | null) ?? {};
  window.history.replaceState({ ...state, page, scrollY }, '');
}

/**
 * Each new page starts at the top; Back and Forward return to where the page was left. A new page
 * (a link, navigate()) is a new history entry with no state; an entry revisited through history still
 * holds the position this hook stored in it while it was shown (with the page it belongs to, so a
 * scroll event of the page being left never counts for the next). Only the path counts as another
 * page: a change of a list's filters (the query) keeps the place.
 */
export function useScrollPerPage(page: string): void {
  useEffect(() => {
    if ('scrollRestoration' in window.history) window.history.scrollRestoration = 'manual';
  }, []);
  useEffect(() => {
    const state = window.history.state as ScrollState | null;
    const kept = state?.page === page && typeof state.scrollY === 'number' ? state.scrollY : 0;
    window.scrollTo(0, kept);
    keepScroll(page, kept);
    // A revisited page may still be loading its content: try again once it has had a moment to render.
    const again = kept > 0 ? window.setTimeout(() => window.scrollTo(0, kept), 200) : undefined;
    // Kept once scrolling pauses: browsers refuse a flood of history writes, and a click that leaves
    // the page comes after such a pause.
    let pending: ReturnType<typeof setTimeout> | undefined;
    const remember = () => {
      window.clearTimeout(pending);
      pending = window.setTimeout(() => keepScroll(page, window.scrollY), 80);
    };
    window.addEventListener('scroll', remember, { passive: true });
    return () => {
      window.clearTimeout(again);
      window.clearTimeout(pending);
      window.removeEventListener('scroll', remember);
    };
  }, [page]);
}
