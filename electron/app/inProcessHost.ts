import { dispatch } from '../handlers/dispatch';
import type { AppContext } from './appContext';
import type { AppHost } from './appHost';

/** The dispatcher in the caller's own thread: tests and the bench, which reach into the AppContext. */
export function inProcessHost(app: AppContext): AppHost {
  return {
    dispatch: (channel, input) => dispatch(app, channel, input),
    lock: () => app.lock(),
    close: () => app.lock(),
  };
}
