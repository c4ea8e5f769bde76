import type { WriteCtx } from '../../db/queries/writeContext';
import type { UnlockedDatabase } from '../app/database';

// The layers between a way in (a handler of the dispatcher, a command of the CLI) and the database:
//
//   electron/handlers/<area>Handlers.ts, electron/cli/commands/*   parse and route; no SQL, no rules
//        │
//   electron/services/<area>.ts   what a screen or a command asks for, in its terms: checks the input
//        │                        against the database and reports a problem on the caller's own field
//        │                        paths; owns the transaction (withWrite below), composes repositories;
//        │                        builds the views of shared/api (lists, detail pages) from rows
//   db/queries/<area>.ts          repositories: take a db or a transaction (the WriteCtx) first and
//        │                        return rows or ids; write through db/write.ts with their audit line;
//        │                        know nothing of the API (from shared/api only its error codes)
//   db/write.ts, db/schema.ts     the one write path and the row types
//
// A service may call other services' view builders and any repository; a repository calls only
// repositories and never a service. ESLint refuses any import cycle (import-x/no-cycle).

/** An unlocked database and who unlocked it: what every service works on. */
export type Unlocked = UnlockedDatabase;

/** Runs `fn` in one transaction with the writer and the user of `s`: all of it is saved, or none. */
export async function withWrite<T>(s: Unlocked, fn: (ctx: WriteCtx) => Promise<T>): Promise<T> {
  return s.db.transaction().execute((trx) => fn({ trx, w: s.writer, user: s.user }));
}
