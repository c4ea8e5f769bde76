import type { WriteCtx } from '../../db/queries/writeContext';
import type { AppContext } from '../app/appContext';
import type { UnlockedDatabase } from '../app/database';

/** Runs `fn` in one transaction with the session's writer and user: all of it is saved, or none. */
export async function withWrite<T>(app: AppContext, fn: (ctx: WriteCtx, session: UnlockedDatabase) => Promise<T>): Promise<T> {
  const session = app.requireSession();
  return session.db.transaction().execute((trx) => fn({ trx, w: session.writer, user: session.user }, session));
}
