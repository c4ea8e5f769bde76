import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';

// Short confirmations ("Saved") announced to screen readers through one polite live region.

type Tone = 'success' | 'info' | 'error';
interface NoticeItem {
  id: number;
  text: string;
  tone: Tone;
}

const NoticeContext = createContext<(text: string, tone?: Tone) => void>(() => {});

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<NoticeItem[]>([]);
  const next = useRef(1);
  const notify = useCallback((text: string, tone: Tone = 'success') => {
    const id = next.current++;
    setItems((all) => [...all.slice(-2), { id, text, tone }]);
    setTimeout(() => setItems((all) => all.filter((i) => i.id !== id)), 5000);
  }, []);
  return (
    <NoticeContext.Provider value={notify}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {items.map((i) => (
          <div key={i.id} className={`notice notice--${i.tone}`}>
            {i.text}
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice() {
  return useContext(NoticeContext);
}
