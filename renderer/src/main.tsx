import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './api/client';
import './i18n';
import { App } from './App';
import { LetterPalette } from './components/LetterPalette';
import { NoticeProvider } from './components/Notice';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 } },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NoticeProvider>
        <App />
        <LetterPalette />
      </NoticeProvider>
    </QueryClientProvider>
  </StrictMode>,
);
