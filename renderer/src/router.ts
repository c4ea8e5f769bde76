import { useEffect, useState } from 'react';
import { sectionFromHash, type SectionId } from './sections';

// A hash router for sub-pages: #/section/part/part… (e.g. #/clients/ID, #/mobileSessions/ID/desk).
// Hash addresses keep working from file:// in Electron and need no server routes in browser mode.

export interface Route {
  section: SectionId;
  /** Path parts after the section, already URI-decoded. */
  parts: string[];
}

export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('?')[0]!
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p));
  return { section: sectionFromHash(hash), parts: parts.slice(1) };
}

export function href(section: SectionId, ...parts: string[]): string {
  return `#/${[section, ...parts.map(encodeURIComponent)].join('/')}`;
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
