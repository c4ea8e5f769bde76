import { useEffect } from 'react';
import type { IdleState } from '../../../shared/api/types';
import { call } from '../api/client';
import { useSetStatus } from './useAppStatus';

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * At most one report this often: far below the shortest idle time (a minute), so typing that has not
 * been reported yet is reported long before the clock runs out.
 */
const REPORT_EVERY_MS = 10_000;

/**
 * Follows the app's one idle clock, which lives in the main process (electron/app/appContext.ts):
 * keystrokes and clicks are reported to it, so a long form keeps the session open for its save; when
 * the time left is up, the interface asks the clock again (asking is not use) and shows the unlock
 * screen once it has locked. Other calls (a save, another window) move the clock on too.
 */
export function useIdleLock(): void {
  const setStatus = useSetStatus();
  useEffect(() => {
    let stopped = false;
    let askTimer: ReturnType<typeof setTimeout> | undefined;
    let reportTimer: ReturnType<typeof setTimeout> | undefined;
    let lastReport = 0;

    const follow = (idle: IdleState) => {
      if (stopped) return;
      clearTimeout(askTimer);
      if (idle.remainingMs === null) {
        void call('app:status', {}).then(setStatus, () => undefined);
        return;
      }
      // Just after the time left: the clock decides, and may have been moved on meanwhile.
      askTimer = setTimeout(() => void call('idle:remaining', {}).then(follow, () => undefined), idle.remainingMs + 250);
    };
    // A report that comes too late is answered LOCKED; the API client then shows the unlock screen.
    const report = () => {
      reportTimer = undefined;
      lastReport = Date.now();
      void call('idle:activity', {}).then(follow, () => undefined);
    };
    const onActivity = () => {
      if (reportTimer !== undefined) return;
      const wait = lastReport + REPORT_EVERY_MS - Date.now();
      if (wait <= 0) report();
      else reportTimer = setTimeout(report, wait);
    };

    void call('idle:remaining', {}).then(follow, () => undefined);
    for (const e of ACTIVITY) window.addEventListener(e, onActivity, { passive: true });
    return () => {
      stopped = true;
      clearTimeout(askTimer);
      clearTimeout(reportTimer);
      for (const e of ACTIVITY) window.removeEventListener(e, onActivity);
    };
  }, [setStatus]);
}
