import type { WriteCtx } from '../../db/queries/writeContext';
import type { AppContext } from '../app/appContext';
import type { UnlockedDatabase } from '../app/database';
import { withWrite as writeIn } from '../services/index';

/** For handlers whose work is not a service's yet: the services' transaction, on the app's session. */
export async function withWrite<T>(app: AppContext, fn: (ctx: WriteCtx, unlocked: UnlockedDatabase) => Promise<T>): Promise<T> {
  const unlocked = app.requireUnlocked();
  return writeIn(unlocked, (ctx) => fn(ctx, unlocked));
}
