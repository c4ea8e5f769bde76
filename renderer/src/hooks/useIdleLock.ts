import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { call } from '../api/client';
import { useSetStatus } from './useAppStatus';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks the app after the configured minutes without keyboard or mouse activity. The handlers lock
 * too (electron/app/appContext.ts), so a forgotten window cannot keep the data open.
 */
export function useIdleLock(): void {
  const setStatus = useSetStatus();
  const settings = useQuery({ queryKey: ['settings:get'], queryFn: () => call('settings:get', {}) });
  const minutes = settings.data?.idleLockMinutes;
  useEffect(() => {
    if (!minutes) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void call('session:lock', {}).then(setStatus);
      }, minutes * 60 * 1000);
    };
    arm();
    for (const e of ACTIVITY) window.addEventListener(e, arm, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, arm);
    };
  }, [minutes, setStatus]);
}
