import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { ErrorMessage } from './components/ErrorMessage';
import { useAppStatus } from './hooks/useAppStatus';
import { RecoveryScreen } from './screens/RecoveryScreen';
import { SetupScreen } from './screens/SetupScreen';
import { rememberSessionUser, UnlockScreen } from './screens/UnlockScreen';

// Everything after the unlock comes in its own chunks: the unlock screen loads only what it shows.
const Shell = lazy(() => import('./screens/Shell').then((m) => ({ default: m.Shell })));

export function App() {
  const { t } = useTranslation();
  const status = useAppStatus();
  if (status.isPending) return <p className="loading">{t('app.loading')}</p>;
  if (status.isError) {
    const info = status.error instanceof ApiError ? status.error.info : { code: 'INTERNAL' as const, message: '' };
    return (
      <main className="gate" id="main">
        <div className="gate__card">
          <ErrorMessage error={info} />
        </div>
      </main>
    );
  }
  const s = status.data;
  if (s.state === 'no-database') return <SetupScreen />;
  if (s.state === 'locked') return <UnlockScreen />;
  if (s.state === 'recovery') return <RecoveryScreen />;
  if (s.user) rememberSessionUser(s.user.username);
  return (
    <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>
      <Shell status={s} />
    </Suspense>
  );
}
