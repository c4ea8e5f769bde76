import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { searchHits, type SearchHit } from '../api/searchHits';
import { navigate } from '../router';

/** Debounces a changing value. */
export function useDebounced<T>(value: T, ms = 200): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/**
 * One box over clients and cases (name in any spelling, phone, identity document, court case number):
 * results as you type, ↑/↓ to choose, Enter opens the chosen (or first) result, Escape closes.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 200);
  const box = useRef<HTMLDivElement>(null);
  const result = useQuery({
    queryKey: ['search:global', q],
    queryFn: () => call('search:global', { query: q, limit: 12 }),
    enabled: q.length >= 2,
    staleTime: 10_000,
  });
  const hits: SearchHit[] = q.length >= 2 && result.data ? searchHits(result.data) : [];

  useEffect(() => setActive(0), [q]);
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    const onShortcut = (e: globalThis.KeyboardEvent) => {
      // Ctrl+K or "/" outside a field jumps to the search box.
      const inField = (e.target as HTMLElement | null)?.closest('input, textarea, select');
      if ((e.ctrlKey && e.key.toLowerCase() === 'k') || (e.key === '/' && !inField)) {
        e.preventDefault();
        box.current?.querySelector('input')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onShortcut);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onShortcut);
    };
  }, []);

  function go(hit: SearchHit | undefined) {
    if (!hit) return;
    setOpen(false);
    setText('');
    navigate(hit.kind === 'client' ? 'clients' : 'cases', hit.id);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(a + 1, Math.max(0, hits.length - 1)));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(hits[active] ?? hits[0]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  }

  const showList = open && q.length >= 2;
  return (
    <div className="global-search" ref={box} role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && hits[active] ? `${id}-hit-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={text}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={`${id}-list`} role="listbox" aria-label={t('search.results')} className="global-search__results">
          {hits.map((hit, i) => (
            <li
              key={`${hit.kind}-${hit.id}`}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(hit)}
            >
              <span className="global-search__kind">{t(hit.kind === 'client' ? 'search.client' : 'search.case')}</span>
              <span>
                <strong>{hit.title}</strong> <span className="muted small">{hit.detail}</span>
              </span>
            </li>
          ))}
          {!result.isFetching && hits.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled className="global-search__empty">
              {t('search.nothing')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
